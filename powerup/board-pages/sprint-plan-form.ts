import { fieldErrors } from "../../shared/loop/field-errors";
import { sprintSchema, type Sprint } from "../../shared/loop/sprint";
import type { BoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";
import { onSubmit, showFieldErrors, showMessage } from "../lib/form-kit";
import { saveRecord } from "../lib/loop-data";
import { checkboxGroup, inputField, labelled, numberValue, selectControl, textAreaField } from "./board-fields";
import { offerAuthorizeInPlace } from "../lib/authorize-in-place";
import { createCard, NOT_AUTHORIZED, type CreateCardResult } from "../lib/create-card";
import type { TrelloWriteFailure } from "../lib/trello-write";
import { ensureList } from "../lib/ensure-list";
import { SPRINT_LIST_NAME } from "../../shared/board-template";
import { withFormerChoices } from "../lib/with-former-choices";
import { checkedValues, optionalValue, textValue } from "../lib/form-values";
import { sprintCardName, sprintEnd } from "./sprint-defaults";
import type { SprintSummary } from "./sprint-summaries";

/** The select value meaning "create a card for this sprint". */
const NEW_CARD = "new";

export interface PlanStart {
  cardId?: string;
  sprint: Omit<Sprint, "v" | "goal"> & { goal?: string };
  /** True when editing a sprint already saved on its card. */
  editing: boolean;
}

export interface PlanFormDeps {
  t: Trello.PowerUp.IFrame;
  board: BoardRecords;
  /** The sprints already planned, so a number is not used twice. */
  sprints: readonly SprintSummary[];
  /** Shows the outcome and refreshes the page after a save. */
  onSaved: (sprint: Sprint, card: { id: string; name: string; idList: string }) => Promise<void>;
}

function isLoopCard(board: BoardRecords, cardId: string): boolean {
  const records = board.records.get(cardId);
  return records?.stakeholder !== undefined || records?.sprint !== undefined;
}

function cardChoices(board: BoardRecords, start: PlanStart) {
  const newLabel = `Create a card "${sprintCardName(start.sprint.number)}"`;
  const cards = board.cards.filter((card) => card.id === start.cardId || !isLoopCard(board, card.id));
  return [{ value: NEW_CARD, label: newLabel }, ...cards.map((card) => ({ value: card.id, label: card.name }))];
}

/**
 * "Plan a sprint": the sprint card (chosen, or created as "Sprint N" with the member's token), number, dates,
 * goal and committed cards. Checked with the sprint schema before any card is created, so a refused plan leaves
 * nothing behind; the form keeps what was typed when a save fails.
 */
export function sprintPlanForm({ t, board, sprints, onSaved }: PlanFormDeps, start: PlanStart): HTMLFormElement {
  const message = h("div", { class: "message", "aria-live": "polite" });
  const cardSelect = selectControl("card", cardChoices(board, start), start.cardId ?? NEW_CARD);
  const committable = withFormerChoices(
    board.cards
      .filter((card) => !isLoopCard(board, card.id) || start.sprint.committed.includes(card.id))
      .map((card) => ({ value: card.id, label: card.name })),
    start.sprint.committed,
    () => "Archived or removed card",
  );
  const committed = checkboxGroup(
    "Committed cards",
    "committed",
    committable,
    start.sprint.committed,
    "The board has no open cards to commit.",
  );
  const form = h(
    "form",
    { class: "loop-form sprint-plan", novalidate: true },
    h("h2", {}, start.editing ? `Edit Sprint ${start.sprint.number}` : "Plan a sprint"),
    labelled("Sprint card", cardSelect, "The card that holds this sprint's plan and, later, its review."),
    h(
      "div",
      { class: "field-row" },
      inputField("Sprint number", "number", "number", start.sprint.number, { min: 1, max: 999, step: 1 }),
      inputField("Start", "start", "date", start.sprint.start),
      inputField("End", "end", "date", start.sprint.end),
    ),
    textAreaField("Goal", "goal", start.sprint.goal, 300),
    committed,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "btn btn-primary" }, start.editing ? "Save sprint" : "Plan sprint"),
    ),
    message,
  ) as HTMLFormElement;

  // The plan's card cannot also be one of its committed cards.
  const syncCommitted = () => {
    for (const box of committed.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) {
      box.disabled = box.value === cardSelect.value;
      if (box.disabled) box.checked = false;
    }
  };
  cardSelect.addEventListener("change", syncCommitted);
  syncCommitted();

  const numberInput = form.elements.namedItem("number") as HTMLInputElement;
  numberInput.addEventListener("input", () => {
    const option = cardSelect.querySelector<HTMLOptionElement>(`option[value="${NEW_CARD}"]`);
    const number = Number(numberInput.value);
    if (option && Number.isInteger(number) && number > 0)
      option.textContent = `Create a card "${sprintCardName(number)}"`;
  });
  // The end follows the start until the user sets it themselves.
  const startInput = form.elements.namedItem("start") as HTMLInputElement;
  const endInput = form.elements.namedItem("end") as HTMLInputElement;
  let endChosen = start.editing;
  endInput.addEventListener("input", () => (endChosen = true));
  startInput.addEventListener("change", () => {
    if (!endChosen && /^\d{4}-\d{2}-\d{2}$/.test(startInput.value))
      endInput.value = sprintEnd(startInput.value, board.settings.sprintDays);
  });

  onSubmit(form, message, submit);

  async function submit(): Promise<void> {
    const value = {
      v: 1,
      number: numberValue(form, "number"),
      start: textValue(form, "start"),
      end: textValue(form, "end"),
      goal: optionalValue(form, "goal"),
      committed: checkedValues(form, "committed"),
    };
    const checked = sprintSchema.safeParse(value);
    if (!checked.success) return showFieldErrors(form, fieldErrors(checked.error), message);
    let cardId = textValue(form, "card");
    const twin = sprints.find((other) => other.sprint.number === checked.data.number && other.cardId !== cardId);
    if (twin)
      return showFieldErrors(
        form,
        { number: `Sprint ${twin.sprint.number} is already planned on the card "${twin.cardName}"` },
        message,
      );
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    button.disabled = true;
    try {
      const chosen = board.cards.find((card) => card.id === cardId);
      let cardName = chosen?.name ?? "";
      let idList = chosen?.idList ?? "";
      if (cardId === NEW_CARD) {
        const created = await createSprintCard(t, board, checked.data.number);
        if (!created.ok && created.code === NOT_AUTHORIZED)
          return offerAuthorizeInPlace(t, message, created.message, () => form.requestSubmit());
        if (!created.ok) return showMessage(message, created.message, "error");
        idList = created.idList;
        cardId = created.id;
        cardName = created.name;
        // A retry after a failed save reuses this card rather than creating another.
        cardSelect.append(h("option", { value: cardId }, cardName));
        cardSelect.value = cardId;
      }
      const saved = await saveRecord(t, cardId, "sprint", checked.data);
      if (!saved.ok) return showFieldErrors(form, saved.fieldErrors, showFormError(message, saved.formError));
      await onSaved(saved.value, { id: cardId, name: cardName, idList });
    } finally {
      button.disabled = false;
    }
  }
  return form;
}

/** Creates the card "Sprint N" in the board's Sprint list, making the list when the board lacks it. */
async function createSprintCard(
  t: Trello.PowerUp.IFrame,
  board: BoardRecords,
  number: number,
): Promise<(CreateCardResult & { idList: string }) | TrelloWriteFailure> {
  const ensured = await ensureList(t, board.board.id, board.lists, SPRINT_LIST_NAME);
  if (!ensured.ok) return ensured;
  const created = await createCard(t, ensured.list.id, sprintCardName(number));
  return created.ok ? { ...created, idList: ensured.list.id } : created;
}

/** Shows a save's form-level error first, then returns the box for field errors with no input of their own. */
function showFormError(message: HTMLElement, formError: string | undefined): HTMLElement {
  if (formError) showMessage(message, formError, "error");
  return message;
}
