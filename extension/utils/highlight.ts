// Outlines an element of the live page in an isolated shadow-root overlay, after scrolling it into view.
import { type ContentScriptContext, createShadowRootUi, type ShadowRootContentScriptUi } from "#imports";
import type { ElementBox } from "./messaging.ts";

export function createHighlighter(ctx: ContentScriptContext) {
  let ui: ShadowRootContentScriptUi<HTMLDivElement> | undefined;
  let target: Element | undefined;
  let following = false;

  const place = () => {
    const box = ui?.mounted;
    if (!box || !target) return;
    const r = target.getBoundingClientRect();
    Object.assign(box.style, {
      left: `${r.left - 4}px`,
      top: `${r.top - 4}px`,
      width: `${r.width + 8}px`,
      height: `${r.height + 8}px`,
      display: "block",
    });
  };

  async function show(selector: string): Promise<ElementBox | null> {
    let el: Element | null = null;
    try {
      el = document.querySelector(selector);
    } catch {
      return null;
    }
    if (!el) return null;
    target = el;
    el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
    ui ??= await createShadowRootUi(ctx, {
      name: "partner-trust-highlight",
      position: "inline",
      anchor: "body",
      onMount(container) {
        const box = document.createElement("div");
        Object.assign(box.style, {
          position: "fixed",
          zIndex: "2147483647",
          pointerEvents: "none",
          border: "3px solid #e5484d",
          borderRadius: "4px",
          boxShadow: "0 0 0 9999px rgba(0, 0, 0, 0.15)",
          display: "none",
        });
        box.dataset.partnerTrust = "highlight";
        container.append(box);
        return box;
      },
    });
    if (!following) {
      // Once per page: the outline follows its element while the page scrolls or resizes.
      ctx.addEventListener(window, "scroll", place, { passive: true, capture: true });
      ctx.addEventListener(window, "resize", place);
      following = true;
    }
    ui.mount();
    place();
    const r = el.getBoundingClientRect();
    return {
      rect: { x: r.left, y: r.top, width: r.width, height: r.height },
      devicePixelRatio: window.devicePixelRatio,
    };
  }

  function clear(): void {
    target = undefined;
    ui?.remove();
  }

  return { show, clear };
}
