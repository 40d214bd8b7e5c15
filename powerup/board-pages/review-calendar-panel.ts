import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { callService } from "./call-service";

interface InvitationResult {
  cardId: string;
  name: string;
  outcome: "queued" | "already-sent" | "skipped";
  reason?: string;
}

const OUTCOME_WORDS: Record<InvitationResult["outcome"], string> = {
  queued: "invitation sent",
  "already-sent": "already invited to this date",
  skipped: "not invited",
};

/** Emails a sprint's review invitation to the stakeholders invited to reviews, and says who got it. */
export async function inviteToReview(
  t: Trello.PowerUp.IFrame,
  boardId: string,
  cardId: string,
  sprintNumber: number,
  message: HTMLElement,
): Promise<void> {
  showMessage(message, `Inviting stakeholders to the review of Sprint ${sprintNumber}…`, "info");
  const answer = await callService<{ results: InvitationResult[] }>(
    t,
    `/api/boards/${boardId}/sprints/${cardId}/review-invitations`,
    { method: "POST", state: "invite" },
  );
  if (!answer.ok) return showMessage(message, answer.message, "error");
  const { results } = answer.body;
  if (results.length === 0)
    return showMessage(
      message,
      'No stakeholder is "Invited to sprint reviews" yet: tick it in their initiation checklist.',
      "info",
    );
  const lines = results.map((r) => `${r.name}: ${OUTCOME_WORDS[r.outcome]}${r.reason ? ` (${r.reason})` : ""}`);
  showMessage(
    message,
    `Sprint ${sprintNumber} review — ${lines.join("; ")}. If the sprint moves, they get the new date by themselves.`,
    "ok",
  );
}

/**
 * The board's review calendar: a URL any calendar app can subscribe to (every sprint review, in the board's zone),
 * shown once when made, and a way to stop every URL given out.
 */
export function reviewCalendarPanel(t: Trello.PowerUp.IFrame, boardId: string): HTMLElement {
  const path = `/api/boards/${boardId}/calendar-feeds`;
  const message = h("div", { class: "message", "aria-live": "polite" });
  const fresh = h("div", { class: "share-new" });

  async function create(): Promise<void> {
    const answer = await callService<{ url: string }>(t, path, { method: "POST", state: "calendar" });
    if (!answer.ok) return showMessage(message, answer.message, "error");
    replaceChildren(
      fresh,
      h("input", { class: "share-url", readonly: true, "aria-label": "Subscription URL", value: answer.body.url }),
    );
    showMessage(message, "Subscribe to this URL in your calendar app (copy it now: it is not shown again).", "ok");
  }

  async function revokeAll(): Promise<void> {
    const answer = await callService<{ revoked: number }>(t, path, { method: "DELETE", state: "calendar" });
    if (!answer.ok) return showMessage(message, answer.message, "error");
    replaceChildren(fresh);
    showMessage(
      message,
      answer.body.revoked
        ? `Stopped ${answer.body.revoked} calendar URL${answer.body.revoked === 1 ? "" : "s"}.`
        : "No calendar URL was in use.",
      "ok",
    );
  }

  return h(
    "section",
    // Headed, not labelled: a label holding "calendar" would also answer to the plan form's "End" field.
    { class: "share-panel review-calendar" },
    h("h2", {}, "Review calendar"),
    h(
      "p",
      { class: "muted" },
      "Every sprint review on one calendar URL, in the board's time zone. Anyone with the URL sees the reviews' dates and goals.",
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "btn", onclick: () => void create() }, "Get a calendar URL"),
      h("button", { type: "button", class: "btn btn-link", onclick: () => void revokeAll() }, "Stop all calendar URLs"),
    ),
    fresh,
    message,
  );
}
