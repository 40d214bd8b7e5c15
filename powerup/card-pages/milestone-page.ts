import { calendarDay } from "../../shared/loop/calendar-day";
import { STAGES } from "../../shared/loop/milestone";
import { loadBoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { readRecord } from "../lib/loop-data";
import { dateField, selectField, textField } from "./form-fields";
import { optionalValue, setValue, textValue } from "../lib/form-values";
import { STAGE_LABELS } from "./labels";
import { cardInDoneList } from "../lib/done-lists";
import { milestoneSummary } from "./milestone-summary";
import { recordForm, removeButton, unreadableNotice } from "./record-form";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Milestone popup: stage, deliverable, due and done dates, with the milestone's state as it is typed. */
export async function milestonePage(t: Trello.PowerUp.IFrame): Promise<Node> {
  const [board, saved, card] = await Promise.all([
    loadBoardRecords(t),
    readRecord(t, "card", "milestone"),
    t.card("id", "name", "due", "idList"),
  ]);
  const milestone = saved.status === "ok" ? saved.value : undefined;
  // A new milestone starts from the card's own due date, the date the team already agreed on.
  const cardDue = card.due ? calendarDay(new Date(card.due), board.timeZone) : "";

  const state = h("p", { class: "milestone-state", "aria-live": "polite" });
  const markDone = h("button", { type: "button", class: "btn" }, "Mark done today");
  const milestoneForm = recordForm({
    t,
    key: "milestone",
    title: "Milestone",
    saveLabel: "Save milestone",
    fields: [
      state,
      selectField(
        "Stage",
        "stage",
        [{ value: "", label: "Choose a stage" }, ...STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))],
        milestone?.stage ?? "",
      ),
      textField("Deliverable", "deliverable", milestone?.deliverable ?? card.name, { maxlength: 200 }),
      h(
        "div",
        { class: "field-row" },
        dateField("Due", "due", milestone?.due ?? cardDue),
        dateField("Done on", "doneOn", milestone?.doneOn ?? ""),
      ),
      milestone ? h("p", { class: "muted" }, `First agreed due date: ${milestone.baselineDue}`) : null,
    ],
    // The first save fixes the baseline; later saves keep it, so a due date moved later shows as slipped.
    value: (form) => ({
      v: 1,
      stage: optionalValue(form, "stage"),
      deliverable: textValue(form, "deliverable"),
      due: textValue(form, "due"),
      baselineDue: milestone?.baselineDue ?? textValue(form, "due"),
      doneOn: optionalValue(form, "doneOn"),
    }),
    errorAliases: { baselineDue: "due" },
    actions: [
      markDone,
      ...(saved.status === "absent"
        ? []
        : [removeButton(t, "milestone", "Remove milestone", () => milestoneForm.message)]),
    ],
  });
  const { form } = milestoneForm;

  const currentState = (): Node | string => {
    const due = textValue(form, "due");
    const doneOn = optionalValue(form, "doneOn");
    if (!DAY.test(due)) return "Give the due date to see whether the milestone is on track.";
    const place = { inDoneList: cardInDoneList(board, card.id) };
    return milestoneSummary(
      { due, baselineDue: milestone?.baselineDue ?? due, doneOn: doneOn && DAY.test(doneOn) ? doneOn : undefined },
      board.today,
      place,
    );
  };
  const showState = (): void => {
    replaceChildren(state, currentState());
    void t.sizeTo("#app");
  };
  form.addEventListener("input", showState);
  form.addEventListener("change", showState);
  markDone.addEventListener("click", () => {
    setValue(form, "doneOn", board.today);
    showState();
    void milestoneForm.submit();
  });
  showState();

  const intro = unreadableNotice(saved);
  return h("div", { class: "card-page" }, intro, form);
}
