import type { ConnectionView } from "../../shared/api/connection-api";
import { h } from "../lib/dom";

export type { ConnectionView };

const STATUS_TEXT: Record<ConnectionView["status"], { text: string; badge: string }> = {
  connecting: { text: "Connecting", badge: "badge-blue" },
  syncing: { text: "Connected, reading the board's history", badge: "badge-yellow" },
  ready: { text: "Connected", badge: "badge-green" },
  error: { text: "Connected, but the last sync failed", badge: "badge-red" },
};

function when(iso: string | null): string {
  return iso
    ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso))
    : "not yet";
}

/** True while the service is still reading the board's history (the page keeps asking for progress). */
export function isSyncing(view: ConnectionView): boolean {
  return view.status === "connecting" || view.status === "syncing" || !view.sync.backfillComplete;
}

/** The connection's state in words: status, history read so far, last sync, and the last error if any. */
export function connectionState(view: ConnectionView): HTMLElement {
  const status = STATUS_TEXT[view.status] ?? { text: view.status, badge: "badge-grey" };
  return h(
    "div",
    { class: "connection-state", "data-status": view.status },
    h("p", {}, h("span", { class: `badge ${status.badge}` }, status.text)),
    h(
      "dl",
      { class: "summary" },
      h("dt", {}, "Board history read"),
      h(
        "dd",
        {},
        `${view.sync.actionsFetched.toLocaleString("en-US")} actions${view.sync.backfillComplete ? ", complete" : " so far"}`,
      ),
      h("dt", {}, "Last synced"),
      h("dd", {}, when(view.sync.lastSyncedAt)),
      h("dt", {}, "Connected since"),
      h("dd", {}, when(view.connectedAt)),
    ),
    view.lastError
      ? h("div", { class: "message message-error", role: "alert" }, `Last error: ${view.lastError}`)
      : null,
  );
}
