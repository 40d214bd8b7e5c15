import { h, replaceChildren } from "../lib/dom";
import { iframeClient } from "../lib/trello-iframe";

/** Renders a page; may return how to refresh what it shows when Trello's data changes later. */
export type PageRenderer = (t: Trello.PowerUp.IFrame, root: HTMLElement) => Promise<(() => Promise<void>) | void>;

function showFailure(root: HTMLElement, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  replaceChildren(
    root,
    h(
      "div",
      { class: "message message-error", role: "alert" },
      `This page could not load: ${message}. Close it and try again.`,
    ),
  );
}

/**
 * Runs a page in #app. Later t.render calls (Trello's data changed) only refresh what the page allows, never
 * the form the user is typing into. Popups follow their content's height; failures show in words, never blank.
 */
export function startPage(render: PageRenderer, options: { popup?: boolean } = {}): void {
  const t = iframeClient();
  const root = document.getElementById("app")!;
  if (options.popup) new ResizeObserver(() => void t.sizeTo("#app").catch(() => undefined)).observe(root);
  let refresh: (() => Promise<void>) | undefined;
  let started = false;
  t.render(async () => {
    try {
      if (!started) {
        started = true;
        refresh = (await render(t, root)) ?? undefined;
      } else {
        await refresh?.();
      }
    } catch (err) {
      showFailure(root, err);
    }
    if (options.popup) await t.sizeTo("#app").catch(() => undefined);
  });
}
