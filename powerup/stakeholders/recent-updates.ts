import type { CommunicationLog } from "../../shared/loop/communication-log";
import { h } from "../lib/dom";
import { formatInstant } from "./format-instant";

/** The updates a stakeholder card keeps, newest first, in the board's time zone. */
export function renderRecentUpdates(log: CommunicationLog | undefined, timeZone: string): HTMLElement {
  const entries = log?.entries ?? [];
  return h(
    "section",
    { class: "recent-updates" },
    h("h2", {}, "Recent updates"),
    entries.length
      ? h(
          "ul",
          { class: "update-list" },
          ...entries.map((e) =>
            h(
              "li",
              {},
              h("span", { class: "update-when" }, `${formatInstant(e.at, timeZone)} · ${e.channel}`),
              h("div", {}, e.summary),
            ),
          ),
        )
      : h("p", { class: "muted" }, "No update logged yet."),
  );
}
