import { h, replaceChildren } from "../lib/dom";
import { iframeClient } from "../lib/trello-iframe";

/** Builds a popup's content once (re-rendering would wipe what the user is typing), then sizes the popup to it. */
export function runPopupPage(render: (t: Trello.PowerUp.IFrame) => Promise<Node>): void {
  const app = document.getElementById("app")!;
  const t = iframeClient();
  render(t)
    .then((content) => replaceChildren(app, content))
    .catch((err: unknown) => replaceChildren(app, loadError(err)))
    .finally(() => void t.sizeTo("#app"));
}

/** What a page shows when it cannot read the board (Trello unreachable, card gone), instead of a blank frame. */
export function loadError(err: unknown): HTMLElement {
  const why = err instanceof Error ? err.message : String(err);
  return h(
    "div",
    { class: "message message-error", role: "alert" },
    `Stakeholder Loop could not read this card: ${why}. Close this and try again.`,
  );
}
