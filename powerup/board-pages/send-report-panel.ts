import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { callService } from "./call-service";
import type { ReportSnapshotMeta } from "./monthly-report-view";

/** What became of the report for one stakeholder, as the service answers it. */
interface SendResult {
  cardId: string;
  name: string;
  channel: string;
  outcome: "queued" | "already-sent" | "skipped";
  status?: string;
  reason?: string;
}

const OUTCOME_WORDS: Record<SendResult["outcome"], string> = {
  queued: "Sending",
  "already-sent": "Already sent this version",
  skipped: "Not sent",
};

/**
 * "Send the monthly report" for a client or partner copy: to every stakeholder of that organisation on their own
 * channel (email with the PDF and a link of their own, or a chat summary), then who got what. Pressing it twice
 * sends once: the service keys each send by this version and stakeholder.
 */
export function sendReportPanel(t: Trello.PowerUp.IFrame, meta: ReportSnapshotMeta, onSent: () => void): HTMLElement {
  const message = h("div", { class: "message", "aria-live": "polite" });
  const results = h("ul", { class: "send-results", "aria-label": "Sent to" });
  const button = h(
    "button",
    { type: "button", class: "btn btn-primary", onclick: () => void send() },
    "Send the monthly report",
  ) as HTMLButtonElement;

  async function send(): Promise<void> {
    button.disabled = true;
    showMessage(message, "Sending…", "info");
    const answer = await callService<{ results: SendResult[] }>(
      t,
      `/api/boards/${meta.boardId}/reports/${meta.id}/send`,
      { method: "POST", state: "send" },
    );
    button.disabled = false;
    if (!answer.ok) return showMessage(message, answer.message, "error");
    onSent();
    const list = answer.body.results;
    if (list.length === 0)
      return showMessage(
        message,
        `No ${meta.audience} stakeholder of ${meta.party ?? "this organisation"} to send to.`,
        "info",
      );
    const sent = list.filter((r) => r.outcome !== "skipped").length;
    showMessage(
      message,
      `${sent} of ${list.length} stakeholders of ${meta.party ?? "this organisation"} get this version.`,
      sent ? "ok" : "error",
    );
    replaceChildren(
      results,
      ...list.map((r) =>
        h(
          "li",
          { "data-card": r.cardId },
          h("strong", {}, r.name),
          ` (${r.channel}): ${OUTCOME_WORDS[r.outcome]}${r.reason ? ` — ${r.reason}` : ""}`,
        ),
      ),
    );
  }

  return h(
    "section",
    { class: "share-panel send-panel", "aria-label": "Send to stakeholders" },
    h("h3", {}, "Send to stakeholders"),
    h(
      "p",
      { class: "muted" },
      `Every ${meta.audience} stakeholder of ${meta.party ?? "this organisation"} (not released) gets this copy on their channel: email with the PDF and a link of their own, or a chat message with the link.`,
    ),
    button,
    message,
    results,
  );
}
