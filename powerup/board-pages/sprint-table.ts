import { h } from "../lib/dom";
import type { SprintSummary } from "./sprint-summaries";

function reviewBadge(summary: SprintSummary): HTMLElement {
  if (summary.reviewError)
    return h("span", { class: "badge badge-red", title: summary.reviewError }, "Review unreadable");
  if (summary.review) return h("span", { class: "badge badge-green" }, `Review held ${summary.review.heldOn}`);
  return h("span", { class: "badge badge-grey" }, "No review yet");
}

/** The board's sprints as a table, newest first; `onEdit` loads one into the plan form, `onInvite` invites stakeholders to its review. */
export function sprintTable(
  sprints: readonly SprintSummary[],
  onEdit: (summary: SprintSummary) => void,
  onInvite: (summary: SprintSummary) => void,
): HTMLElement {
  if (!sprints.length) return h("p", { class: "muted" }, "No sprints planned yet. Plan the first one below.");
  return h(
    "table",
    { class: "table sprint-table" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...["Sprint", "Dates", "Goal", "Committed", "Completed", "Review", ""].map((title) =>
          h("th", { scope: "col" }, title),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      ...sprints.map((summary) =>
        h(
          "tr",
          { "data-sprint-card": summary.cardId },
          h(
            "td",
            {},
            h("strong", { class: "nowrap" }, `Sprint ${summary.sprint.number}`),
            // The card's name only adds something when it is not just "Sprint N".
            summary.cardName !== `Sprint ${summary.sprint.number}`
              ? h("div", { class: "muted" }, summary.cardName)
              : null,
          ),
          h("td", { class: "nowrap" }, `${summary.sprint.start} – ${summary.sprint.end}`),
          h("td", {}, summary.sprint.goal ?? h("span", { class: "muted" }, "No goal")),
          h("td", { class: "num", "data-label": "Committed" }, summary.committed),
          h("td", { class: "num", "data-label": "Completed" }, summary.completed),
          h("td", {}, reviewBadge(summary)),
          h(
            "td",
            {},
            h(
              "button",
              { type: "button", class: "btn btn-link", onclick: () => onEdit(summary) },
              `Edit Sprint ${summary.sprint.number}`,
            ),
            summary.review
              ? null
              : h(
                  "button",
                  { type: "button", class: "btn btn-link", onclick: () => onInvite(summary) },
                  `Invite to Sprint ${summary.sprint.number} review`,
                ),
          ),
        ),
      ),
    ),
  );
}
