import { DOCUMENT_STATUSES, STANDARD_DOCUMENTS, type DocumentItem } from "../../shared/loop/documents";
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
        ? h("input", { type: "text", name: `items.${i}.name`, value: item.name, maxlength: 60, "aria-label": "Document name" })
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
    h("td", {}, h("input", { name: `items.${i}.link`, type: "url", value: item.link, placeholder: "https://…", "aria-label": `Link to ${item.name}` })),
    h("td", { class: "shared-cell" }, h("input", { name: `items.${i}.shared`, type: "checkbox", checked: item.shared, "aria-label": `${item.name} shared with the other party` })),
    h("td", {}, custom ? h("button", { type: "button", class: "btn btn-danger", "aria-label": `Remove ${item.name}`, onclick: () => onRemove(i) }, "Remove") : null),
  );
}

/**
 * The Agreements tab: the board's document checklist, edited and saved as the board's `documents` record. An
 * unreadable record is shown as such above the standard checklist (what the board records fall back to).
 */
export function renderAgreements(t: Trello.PowerUp.IFrame, board: BoardRecords, onSaved: () => void): HTMLElement {
  let items = draftOf(board.documents.items);
  const container = h("section", { class: "agreements" });
  const message = h("div", { class: "form-message", "aria-live": "polite" });
  const form = h("form", { class: "loop-form agreements-form", novalidate: true, "aria-label": "Agreements" }) as HTMLFormElement;

  const draw = () => {
    const newName = h("input", { type: "text", id: "new-document", maxlength: 60, placeholder: "e.g. Data processing agreement" }) as HTMLInputElement;
    const add = () => {
      const name = newName.value.trim();
      if (!name) {
        showMessage(message, "Type the new document's name first.", "error");
        newName.focus();
        return;
      }
      items = [...readRows(form, items), { id: documentId(name, items.map((i) => i.id)), name, status: "missing", link: "", shared: false }];
      draw();
    };
    replaceChildren(
      form,
      h(
        "table",
        { class: "table documents-table" },
        h("thead", {}, h("tr", {}, ...["Document", "Status", "Link", "Shared with the other party", ""].map((c) => h("th", { scope: "col" }, c)))),
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

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    items = readRows(form, items);
    const value = { v: 1, items: items.map((item) => ({ ...item, link: item.link || undefined })) };
    saveRecord(t, "board", "documents", value)
      .then((saved) => {
        if (!saved.ok) {
          showFieldErrors(form, saved.fieldErrors, message);
          if (saved.formError) showMessage(message, saved.formError, "error");
          return;
        }
        onSaved();
      })
      .catch((err: unknown) => showMessage(message, `Not saved: ${err instanceof Error ? err.message : String(err)}`, "error"));
  });

  draw();
  const read = board.documentsRead;
  append(container, [
    h("p", { class: "muted" }, "The agreements this engagement needs: is each in place, signed, and can the other party see it?"),
    read.status === "invalid"
      ? readErrorBox(`${read.message} Below is the standard checklist to start over from: saving it replaces what was stored.`)
      : null,
    form,
  ]);
  return container;
}
