import { addDays } from "../../shared/loop/calendar-day";
import { invoiceStatus } from "../../shared/loop/invoice-state";
import { loadBoardRecords, type BoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { readRecord } from "../lib/loop-data";
import { badge } from "./badge";
import { defaultCurrency } from "./default-currency";
import { dateField, numberField, selectField, textField, type Choice } from "./form-fields";
import { numberValue, optionalValue, setValue, textValue } from "../lib/form-values";
import { INVOICE_STATUS_COLOURS, INVOICE_STATUS_LABELS } from "./labels";
import { partyField } from "./party-field";
import { recordForm, removeButton, unreadableNotice } from "./record-form";

/** Invoices are due 30 days after they are issued unless the PM says otherwise. */
const PAYMENT_TERM_DAYS = 30;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function milestoneChoices(board: BoardRecords, saved: string | undefined): Choice[] {
  const choices: Choice[] = [{ value: "", label: "No milestone" }];
  for (const card of board.cards) {
    const read = board.records.get(card.id)?.milestone;
    if (read?.status === "ok")
      choices.push({ value: card.id, label: `${read.value.deliverable} (due ${read.value.due})` });
  }
  if (saved && !choices.some((c) => c.value === saved)) choices.push({ value: saved, label: "(milestone removed)" });
  return choices;
}

/** The Invoice popup: number, amount, dates and the milestone it bills, with its state (open, overdue, paid). */
export async function invoicePage(t: Trello.PowerUp.IFrame): Promise<Node> {
  const [board, saved] = await Promise.all([loadBoardRecords(t), readRecord(t, "card", "invoice")]);
  const invoice = saved.status === "ok" ? saved.value : undefined;
  const issuedOn = invoice?.issuedOn ?? board.today;

  const state = h("p", { class: "invoice-state", "aria-live": "polite" });
  const invoiceForm = recordForm({
    t,
    key: "invoice",
    title: "Invoice",
    saveLabel: "Save invoice",
    fields: [
      state,
      h(
        "div",
        { class: "field-row" },
        textField("Invoice number", "number", invoice?.number ?? "", { maxlength: 40 }),
        partyField(board, invoice?.party, saved.status === "absent", "Billed to"),
      ),
      h(
        "div",
        { class: "field-row" },
        numberField("Amount", "amount", invoice?.amount, "0.01"),
        textField("Currency", "currency", invoice?.currency ?? defaultCurrency(board), {
          maxlength: 3,
          size: 4,
          autocapitalize: "characters",
        }),
      ),
      h(
        "div",
        { class: "field-row" },
        dateField("Issued on", "issuedOn", issuedOn),
        dateField("Due on", "dueOn", invoice?.dueOn ?? addDays(issuedOn, PAYMENT_TERM_DAYS)),
        dateField("Paid on", "paidOn", invoice?.paidOn ?? ""),
      ),
      selectField("Milestone", "milestone", milestoneChoices(board, invoice?.milestone), invoice?.milestone ?? ""),
    ],
    value: (form) => ({
      v: 1,
      number: textValue(form, "number"),
      amount: numberValue(form, "amount"),
      currency: textValue(form, "currency").trim().toUpperCase(),
      issuedOn: textValue(form, "issuedOn"),
      dueOn: textValue(form, "dueOn"),
      paidOn: optionalValue(form, "paidOn"),
      milestone: optionalValue(form, "milestone"),
      party: optionalValue(form, "party"),
    }),
    actions: saved.status === "absent" ? [] : [removeButton(t, "invoice", "Remove invoice", () => invoiceForm.message)],
  });
  const { form } = invoiceForm;

  // The due date follows the issue date (+30 days) until the PM sets it themselves.
  let dueTouched = invoice !== undefined;
  const currentState = (): Node => {
    const dueOn = textValue(form, "dueOn");
    const paidOn = optionalValue(form, "paidOn");
    if (!DAY.test(dueOn)) return document.createTextNode("Give the due date to see the invoice's state.");
    const status = invoiceStatus({ dueOn, paidOn: paidOn && DAY.test(paidOn) ? paidOn : undefined }, board.today);
    return h(
      "span",
      {},
      badge(INVOICE_STATUS_LABELS[status], INVOICE_STATUS_COLOURS[status]),
      status === "paid" ? ` paid on ${paidOn}` : ` due ${dueOn}`,
    );
  };
  const showState = (): void => {
    replaceChildren(state, currentState());
    void t.sizeTo("#app");
  };
  form.addEventListener("input", (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === "dueOn") dueTouched = true;
    if (target.name === "issuedOn" && !dueTouched && DAY.test(target.value))
      setValue(form, "dueOn", addDays(target.value, PAYMENT_TERM_DAYS));
    showState();
  });
  form.addEventListener("change", showState);
  showState();

  const intro = unreadableNotice(saved);
  return h("div", { class: "card-page" }, intro, form);
}
