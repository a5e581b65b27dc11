// Progressive enhancement only: every page works without this file. Copy buttons ([data-copy] = the id of
// the element whose text to copy) are hidden until this script shows them.
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy);
    const status = document.getElementById(`${button.dataset.copy}-status`);
    const text = source ? ("value" in source ? source.value : source.textContent) : "";
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API refused (insecure origin): select the text so Ctrl+C works.
      ok = false;
      if (source && "select" in source) source.select();
    }
    if (status) {
      status.textContent = ok ? "Скопировано / Copied" : "Выделено: нажмите Ctrl+C / Selected: press Ctrl+C";
    }
  });
}
