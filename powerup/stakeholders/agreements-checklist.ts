import { DOCUMENT_STATUSES, partyDocuments, STANDARD_DOCUMENTS, type DocumentItem } from "../../shared/loop/documents";
import { allParties, defaultParty, sameParty } from "../../shared/loop/parties";
import { partiesOf } from "../card-pages/party-field";
import type { BoardRecords } from "../lib/board-records";
import { append, h, replaceChildren } from "../lib/dom";
import { clearFieldErrors, showFieldErrors, showMessage } from "../lib/form-kit";
import { saveRecord } from "../lib/loop-data";
import { readErrorBox } from "../lib/read-error-box";
import { documentId } from "./document-id";

const STANDARD_IDS: string[] = STANDARD_DOCUMENTS.map((d) => d.id);

/** An item as the form holds it: the link may be typed but not yet valid, so it stays a string until saved. */
type DraftItem = Omit<DocumentItem, "link"> & { link: string };

function draftOf(items: DocumentItem[]): DraftItem[] {
  return items.map((item) => ({ ...item, link: item.link ?? "" }));
}

/** What the form holds now, so adding or removing a row never loses what was typed in the others. */
function readRows(form: HTMLFormElement, items: DraftItem[]): DraftItem[] {
  const data = new FormData(form);
  return items.map((item, i) => ({
    ...item,
    name: STANDARD_IDS.includes(item.id) ? item.name : String(data.get(`items.${i}.name`) ?? item.name),
    status: String(data.get(`items.${i}.status`) ?? item.status) as DraftItem["status"],
    link: String(data.get(`items.${i}.link`) ?? "").trim(),
    shared: data.has(`items.${i}.shared`),
  }));
}

function row(item: DraftItem, i: number, onRemove: (i: number) => void): HTMLElement {
  const custom = !STANDARD_IDS.includes(item.id);
  return h(
    "tr",
    { class: `document-row status-${item.status}`, "data-document": item.id },
    h(
      "th",
      { scope: "row" },
      custom
        ? h("input", {
            type: "text",
            name: `items.${i}.name`,
            value: item.name,
            maxlength: 60,
            "aria-label": "Document name",
          })
        : item.name,
    ),
    h(
      "td",
      {},
      h(
        "select",
        { name: `items.${i}.status`, "aria-label": `Status of ${item.name}` },
        ...DOCUMENT_STATUSES.map((s) => h("option", { value: s, selected: s === item.status }, s)),
      ),
    ),
    h(
      "td",
      {},
      h("input", {
        name: `items.${i}.link`,
        type: "url",
        value: item.link,
        placeholder: "https://…",
        "aria-label": `Link to ${item.name}`,
      }),
    ),
    h(
      "td",
      { class: "shared-cell" },
      h("input", {
        name: `items.${i}.shared`,
        type: "checkbox",
        checked: item.shared,
        "aria-label": `${item.name} shared with the other party`,
      }),
    ),
    h(
      "td",
      {},
      custom
        ? h(
            "button",
            {
              type: "button",
              class: "btn btn-danger",
              "aria-label": `Remove ${item.name}`,
              onclick: () => onRemove(i),
            },
            "Remove",
          )
        : null,
    ),
  );
}

/** Whether a stored item is on a party's checklist (an item naming no party is the default party's, or nobody's). */
function onChecklist(item: DocumentItem, party: string | undefined, owner: string | undefined): boolean {
  if (!item.party?.trim()) return party === undefined || sameParty(party, owner);
  return sameParty(item.party, party);
}

/**
 * The Agreements tab: one checklist per party (the board's client and partner organisations), edited one party at a
 * time and saved together as the board's `documents` record. An unreadable record is shown as such above the standard
 * checklist (what the board records fall back to).
 */
export function renderAgreements(t: Trello.PowerUp.IFrame, board: BoardRecords, onSaved: () => void): HTMLElement {
  const parties = partiesOf(board);
  const names = allParties(parties);
  const owner = defaultParty(parties);
  let party: string | undefined = owner ?? names[0];
  const checklistOf = (p: string | undefined): DocumentItem[] =>
    p === undefined
      ? board.documents.items.filter((i) => !i.party?.trim())
      : partyDocuments(board.documents, p, sameParty(p, owner));
  /** Each party's checklist as edited so far, so switching party never loses what was typed. */
  const drafts = new Map<string | undefined, DraftItem[]>();
  let items = draftOf(checklistOf(party));
  const container = h("section", { class: "agreements" });
  const message = h("div", { class: "form-message", "aria-live": "polite" });
  const form = h("form", {
    class: "loop-form agreements-form",
    novalidate: true,
    "aria-label": "Agreements",
  }) as HTMLFormElement;

  const draw = () => {
    const newName = h("input", {
      type: "text",
      id: "new-document",
      maxlength: 60,
      placeholder: "e.g. Data processing agreement",
    }) as HTMLInputElement;
    const add = () => {
      const name = newName.value.trim();
      if (!name) {
        showMessage(message, "Type the new document's name first.", "error");
        newName.focus();
        return;
      }
      items = [
        ...readRows(form, items),
        {
          id: documentId(
            name,
            items.map((i) => i.id),
          ),
          name,
          status: "missing",
          link: "",
          shared: false,
        },
      ];
      draw();
    };
    replaceChildren(
      form,
      h(
        "table",
        { class: "table documents-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Document", "Status", "Link", "Shared with the other party", ""].map((c) =>
              h("th", { scope: "col" }, c),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...items.map((item, i) =>
            row(item, i, (at) => {
              items = readRows(form, items).filter((_, j) => j !== at);
              draw();
            }),
          ),
        ),
      ),
      h("p", { class: "field-error", "data-error-for": "items" }),
      h(
        "div",
        { class: "add-document" },
        h("label", { for: "new-document" }, "New document"),
        newName,
        h("button", { type: "button", class: "btn", onclick: add }, "Add document"),
      ),
      message,
      h("div", { class: "actions" }, h("button", { type: "submit", class: "btn btn-primary" }, "Save agreements")),
    );
  };

  const partySelect = h(
    "select",
    { id: "agreements-party", name: "agreements-party" },
    ...names.map((name) =>
      h(
        "option",
        { value: name, selected: name === party },
        parties.partner.includes(name) && !parties.client.includes(name) ? `${name} (partner)` : `${name} (client)`,
      ),
    ),
  ) as HTMLSelectElement;
  partySelect.addEventListener("change", () => {
    drafts.set(party, readRows(form, items));
    party = partySelect.value;
    items = drafts.get(party) ?? draftOf(checklistOf(party));
    clearFieldErrors(form);
    draw();
  });

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    items = readRows(form, items);
    drafts.set(party, items);
    // The shown party's items first, so a field error's position points at its row; every other checklist kept.
    const edited = [party, ...[...drafts.keys()].filter((p) => p !== party)];
    const named = (p: string | undefined, list: DraftItem[]) =>
      list.map((item) => ({ ...item, party: p, link: item.link || undefined }));
    const kept = board.documents.items.filter((item) => !edited.some((p) => onChecklist(item, p, owner)));
    const value = { v: 1, items: [...edited.flatMap((p) => named(p, drafts.get(p)!)), ...kept] };
    saveRecord(t, "board", "documents", value)
      .then((saved) => {
        if (!saved.ok) {
          showFieldErrors(form, saved.fieldErrors, message);
          if (saved.formError) showMessage(message, saved.formError, "error");
          return;
        }
        onSaved();
      })
      .catch((err: unknown) =>
        showMessage(message, `Not saved: ${err instanceof Error ? err.message : String(err)}`, "error"),
      );
  });

  draw();
  const read = board.documentsRead;
  append(container, [
    h(
      "p",
      { class: "muted" },
      "The agreements this engagement needs with each client and partner: is each in place, signed, and can they see it?",
    ),
    names.length > 0
      ? h(
          "div",
          { class: "field agreements-party" },
          h("label", { for: "agreements-party" }, "Agreements with"),
          partySelect,
        )
      : h(
          "p",
          { class: "muted" },
          "Give your client and partner stakeholders an Organisation to keep a checklist for each.",
        ),
    read.status === "invalid"
      ? readErrorBox(
          `${read.message} Below is the standard checklist to start over from: saving it replaces what was stored.`,
        )
      : null,
    form,
  ]);
  return container;
}
