// Chrome: the toolbar button opens the side panel (Firefox shows its sidebar_action instead).
export default defineBackground(() => {
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
