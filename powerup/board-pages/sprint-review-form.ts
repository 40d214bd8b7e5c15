import type { Sprint } from "../../shared/loop/sprint";
import type { SprintReview } from "../../shared/loop/sprint-review";
import { cardName, stakeholdersOf, type BoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";
import { onSubmit, showFieldErrors, showMessage } from "../lib/form-kit";
import { saveRecord } from "../lib/loop-data";
import { withFormerChoices } from "../lib/with-former-choices";
import { checkedValues, optionalValue, textValue } from "../lib/form-values";
import { checkboxGroup, inputField, textAreaField } from "./board-fields";
import { feedbackRows } from "./feedback-rows";

export interface ReviewFormDeps {
  t: Trello.PowerUp.IFrame;
  board: BoardRecords;
  sprint: Sprint;
  /** The saved review, or undefined for a first review. */
  review: SprintReview | undefined;
  onSaved: (review: SprintReview) => Promise<void>;
}

/**
 * The sprint review: when it was held, who attended, what was demoed and accepted (from the sprint's committed
 * cards), feedback per stakeholder, decisions and next steps. A failed save keeps everything typed.
 */
export function sprintReviewForm({ t, board, sprint, review, onSaved }: ReviewFormDeps): HTMLFormElement {
  const stakeholders = withFormerChoices(
    stakeholdersOf(board).map(({ card, stakeholder }) => ({ value: card.id, label: stakeholder.name })),
    [...(review?.attendees ?? []), ...(review?.feedback ?? []).map((f) => f.by)],
    () => "Archived or removed stakeholder",
  );
  const committed = sprint.committed.map((id) => ({ value: id, label: cardName(board, id) }));
  const feedback = feedbackRows(stakeholders, review?.feedback ?? []);
  const message = h("div", { class: "message", "aria-live": "polite" });
  const noCards = "The sprint has no committed cards.";
  const form = h(
    "form",
    { class: "loop-form sprint-review", novalidate: true },
    inputField("Held on", "heldOn", "date", review?.heldOn ?? sprint.end),
    checkboxGroup(
      "Attendees",
      "attendees",
      stakeholders,
      review?.attendees ?? [],
      "No stakeholders yet: add them from the board's Stakeholders button.",
    ),
    h(
      "div",
      { class: "field-row review-cards" },
      checkboxGroup("Demoed cards", "demoed", committed, review?.demoed ?? [], noCards),
      checkboxGroup("Accepted cards", "accepted", committed, review?.accepted ?? [], noCards),
    ),
    feedback.element,
    textAreaField("Decisions", "decisions", review?.decisions, 300),
    textAreaField("Next steps", "nextSteps", review?.nextSteps, 300),
    h(
      "p",
      { class: "muted" },
      "Long notes belong in the card's description: Trello keeps only 4,096 characters of Loop data per card.",
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Save review")),
    message,
  ) as HTMLFormElement;

  // Accepting a card means it was demoed.
  form.addEventListener("change", (event) => {
    const box = event.target as HTMLInputElement;
    if (box.name !== "accepted" || !box.checked) return;
    const demoed = form.querySelector<HTMLInputElement>(`input[name="demoed"][value="${CSS.escape(box.value)}"]`);
    if (demoed) demoed.checked = true;
  });

  onSubmit(form, message, submit);

  async function submit(): Promise<void> {
    const value = {
      v: 1,
      heldOn: textValue(form, "heldOn"),
      attendees: checkedValues(form, "attendees"),
      demoed: checkedValues(form, "demoed"),
      accepted: checkedValues(form, "accepted"),
      feedback: feedback.read(),
      decisions: optionalValue(form, "decisions"),
      nextSteps: optionalValue(form, "nextSteps"),
    };
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    button.disabled = true;
    try {
      const saved = await saveRecord(t, "card", "review", value);
      if (saved.ok) return await onSaved(saved.value);
      if (saved.formError) showMessage(message, saved.formError, "error");
      showFieldErrors(form, saved.fieldErrors, message);
    } finally {
      button.disabled = false;
    }
  }
  return form;
}
