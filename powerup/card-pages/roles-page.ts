import { RACI } from "../../shared/loop/card-roles";
import type { LoopRead } from "../../shared/loop/read-loop-record";
import { loadBoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";
import { readRecord } from "../lib/loop-data";
import { choiceGroup, selectField } from "./form-fields";
import { checkedValues, optionalValue } from "../lib/form-values";
import { recordForm, removeButton, unreadableNotice } from "./record-form";
import { formerStakeholderChoice, stakeholderChoices } from "./stakeholder-choices";

const NO_STAKEHOLDERS =
  "This board has no stakeholders yet. Add them with the board button “Stakeholders” (at the top of the board), " +
  "then open Roles on this card again.";

function savedIds(saved: LoopRead<"roles">): string[] {
  if (saved.status !== "ok") return [];
  const { responsible, accountable, consulted, informed } = saved.value;
  return [...responsible, ...(accountable ? [accountable] : []), ...consulted, ...informed];
}

/** The Roles popup: RACI for the card, picked from the board's stakeholders. */
export async function rolesPage(t: Trello.PowerUp.IFrame): Promise<Node> {
  const [board, saved] = await Promise.all([loadBoardRecords(t), readRecord(t, "card", "roles")]);
  const choices = stakeholderChoices(board, t.getContext().card);
  const known = new Set(choices.map((c) => c.value));
  const gone = [...new Set(savedIds(saved))]
    .filter((id) => !known.has(id))
    .map((id) => formerStakeholderChoice(board, id));
  const all = [...choices, ...gone];
  const roles =
    saved.status === "ok" ? saved.value : { responsible: [], accountable: undefined, consulted: [], informed: [] };
  const intro = unreadableNotice(saved);
  let message = h("div", { class: "form-message" });
  const clear = saved.status === "absent" ? null : removeButton(t, "roles", "Clear roles", () => message);

  if (all.length === 0) {
    return h(
      "div",
      { class: "card-page" },
      intro,
      h("div", { class: "message message-info", role: "status" }, NO_STAKEHOLDERS),
      message,
      clear,
    );
  }
  const rolesForm = recordForm({
    t,
    key: "roles",
    title: "Roles (RACI)",
    saveLabel: "Save roles",
    fields: [
      choices.length === 0 ? h("div", { class: "message message-info", role: "status" }, NO_STAKEHOLDERS) : null,
      choiceGroup(RACI.responsible, "responsible", all, roles.responsible, "checkbox"),
      selectField(RACI.accountable, "accountable", [{ value: "", label: "None" }, ...all], roles.accountable ?? ""),
      choiceGroup(RACI.consulted, "consulted", all, roles.consulted, "checkbox"),
      choiceGroup(RACI.informed, "informed", all, roles.informed, "checkbox"),
    ],
    value: (form) => ({
      v: 1,
      responsible: checkedValues(form, "responsible"),
      accountable: optionalValue(form, "accountable"),
      consulted: checkedValues(form, "consulted"),
      informed: checkedValues(form, "informed"),
    }),
    actions: clear ? [clear] : [],
  });
  message = rolesForm.message;
  return h("div", { class: "card-page" }, intro, rolesForm.form);
}
