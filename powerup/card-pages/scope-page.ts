import { CHANGE_STATUSES, type ChangeRequest, type ChangeStatus } from "../../shared/loop/scope-decision";
import { loadBoardRecords, type BoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";
import { readRecord } from "../lib/loop-data";
import { defaultCurrency } from "./default-currency";
import { choiceGroup, dateField, numberField, selectField, textAreaField, textField, type Choice } from "./form-fields";
import { checkedValues, numberValue, optionalValue, setValue, textValue } from "../lib/form-values";
import { CHANGE_STATUS_LABELS } from "./labels";
import { partyField } from "./party-field";
import { recordForm, removeButton, unreadableNotice } from "./record-form";
import { formerStakeholderChoice, memberName, stakeholderChoices } from "./stakeholder-choices";

const DECISIONS: Choice[] = [
  { value: "in", label: "In scope" },
  { value: "out", label: "Out of scope" },
  { value: "change", label: "Change request" },
];

function requesterChoices(board: BoardRecords, cardId: string, change: ChangeRequest | undefined): Choice[] {
  const choices = stakeholderChoices(board, cardId);
  const saved = change?.requestedBy;
  const gone = saved && !choices.some((c) => c.value === saved) ? [formerStakeholderChoice(board, saved)] : [];
  return [{ value: "", label: "Not recorded" }, ...choices, ...gone];
}

/** The Scope popup: in / out of scope with its boundary, or a change request from proposal to decision. */
export async function scopePage(t: Trello.PowerUp.IFrame): Promise<Node> {
  const [board, saved, card, member] = await Promise.all([
    loadBoardRecords(t),
    readRecord(t, "card", "scope"),
    t.card("id", "name"),
    t.member("id"),
  ]);
  const scope = saved.status === "ok" ? saved.value : undefined;
  const change = scope?.change;
  // Whoever made the saved decision stays its decider; picking a new decision makes the current member the decider.
  const deciderFor = (status: ChangeStatus) =>
    change?.status === status && change.decidedBy ? change.decidedBy : member.id;

  const deciderName = (id: string) => (id === member.id ? "you" : memberName(board, id));
  const decidedBy = h("p", { class: "muted decided-by" });
  const decisionPart = h(
    "div",
    { class: "field-row decision-part" },
    dateField("Decided on", "change.decidedOn", change?.decidedOn ?? ""),
    decidedBy,
  );
  const changePart = h(
    "fieldset",
    { class: "change-request" },
    h("legend", {}, "Change request: ", card.name),
    selectField(
      "Requested by",
      "change.requestedBy",
      requesterChoices(board, card.id, change),
      change?.requestedBy ?? "",
    ),
    h(
      "div",
      { class: "field-row" },
      dateField("Proposed on", "change.proposedOn", change?.proposedOn ?? board.today),
      selectField(
        "Status",
        "change.status",
        CHANGE_STATUSES.map((s) => ({ value: s, label: CHANGE_STATUS_LABELS[s] })),
        change?.status ?? "proposed",
      ),
    ),
    h(
      "div",
      { class: "field-row impact-row" },
      numberField("Impact (days)", "change.impactDays", change?.impactDays),
      numberField("Impact (cost)", "change.impactCost", change?.impactCost),
      textField("Currency", "change.currency", change?.currency ?? defaultCurrency(board), {
        maxlength: 3,
        autocapitalize: "characters",
      }),
    ),
    textAreaField("Rationale", "change.rationale", change?.rationale ?? "", 500, "Needed to approve, reject or defer."),
    decisionPart,
  );

  const scopeForm = recordForm({
    t,
    key: "scope",
    title: "Scope decision",
    saveLabel: "Save scope",
    fields: [
      choiceGroup("Scope decision", "decision", DECISIONS, scope ? [scope.decision] : [], "radio"),
      textAreaField("Boundary: what we will / won't do", "boundary", scope?.boundary ?? "", 300),
      partyField(board, scope?.party, saved.status === "absent", "Agreed with"),
      changePart,
    ],
    value: (form) => {
      const decision = checkedValues(form, "decision")[0];
      const status = textValue(form, "change.status") as ChangeStatus;
      const decided = status !== "proposed";
      const impactCost = numberValue(form, "change.impactCost");
      return {
        v: 1,
        decision,
        boundary: optionalValue(form, "boundary"),
        party: optionalValue(form, "party"),
        change:
          decision === "change"
            ? {
                status,
                requestedBy: optionalValue(form, "change.requestedBy"),
                proposedOn: textValue(form, "change.proposedOn"),
                rationale: optionalValue(form, "change.rationale"),
                decidedBy: decided ? deciderFor(status) : undefined,
                decidedOn: decided ? optionalValue(form, "change.decidedOn") : undefined,
                impactDays: numberValue(form, "change.impactDays"),
                impactCost,
                currency: impactCost === undefined ? undefined : optionalValue(form, "change.currency")?.toUpperCase(),
              }
            : undefined,
      };
    },
    actions: saved.status === "absent" ? [] : [removeButton(t, "scope", "Clear scope", () => scopeForm.message)],
  });

  const { form } = scopeForm;
  const sync = (): void => {
    changePart.hidden = checkedValues(form, "decision")[0] !== "change";
    const status = textValue(form, "change.status") as ChangeStatus;
    decisionPart.hidden = status === "proposed";
    decidedBy.textContent = status === "proposed" ? "" : `Decided by ${deciderName(deciderFor(status))}`;
    void t.sizeTo("#app");
  };
  form.addEventListener("change", (event) => {
    const target = event.target as HTMLInputElement;
    // Picking a decision dates it today unless a date was already given.
    if (target.name === "change.status" && target.value !== "proposed" && !textValue(form, "change.decidedOn")) {
      setValue(form, "change.decidedOn", board.today);
    }
    sync();
  });
  sync();

  const intro = unreadableNotice(saved);
  return h("div", { class: "card-page" }, intro, form);
}
