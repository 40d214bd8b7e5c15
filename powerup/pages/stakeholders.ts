import type { DeliveryView } from "../../shared/api/delivery-api";
import { callService } from "../board-pages/call-service";
import { loadBoardRecords, type BoardCard, type BoardRecords } from "../lib/board-records";
import { h, replaceChildren } from "../lib/dom";
import { showMessage } from "../lib/form-kit";
import { readScope } from "../lib/loop-data";
import { fetchServiceFile, saveBlob } from "../lib/service-file";
import { iframeClient } from "../lib/trello-iframe";
import { renderAgreements } from "../stakeholders/agreements-checklist";
import { renderPowerInterestGrid } from "../stakeholders/power-interest-grid";
import { filterRows, noFilters, renderFilters } from "../stakeholders/registry-filters";
import { registryRows } from "../stakeholders/registry-rows";
import { renderRegistryTable } from "../stakeholders/registry-table";
import { renderSendUpdate } from "../stakeholders/send-update-view";
import { renderStakeholderForm } from "../stakeholders/stakeholder-form";
import { renderTabs, type Tab } from "../stakeholders/tabs";
import { withCreatedCards } from "../stakeholders/with-created-cards";

/** The Stakeholders modal (board button): registry, power/interest grid, agreements, and the stakeholder form. */
const t = iframeClient();
const app = document.getElementById("app")!;
const status = h("div", { class: "page-status", "aria-live": "polite" });

type View = { tab: Tab } | { form: { cardId?: string; storedRaw?: unknown } } | { send: { cardId: string } };
let view: View = { tab: "registry" };
let board: BoardRecords | undefined;
const filters = noFilters();
/** Cards this page made for new stakeholders. */
const createdCards: BoardCard[] = [];

/** Each stakeholder's newest send, when it failed (after the retries), by card id. */
async function failedSends(): Promise<Map<string, DeliveryView>> {
  const res = await callService<{ deliveries: DeliveryView[] }>(t, `/api/boards/${t.getContext().board}/deliveries`);
  const newest = new Map<string, DeliveryView>();
  if (res.ok)
    for (const d of res.body.deliveries)
      if (d.stakeholderCardId && !newest.has(d.stakeholderCardId)) newest.set(d.stakeholderCardId, d);
  return new Map([...newest].filter(([, d]) => d.status === "failed"));
}

/** Shows a failed send where the PM reads the stakeholder's update state. */
function markFailedSends(table: HTMLElement, failed: Map<string, DeliveryView>): void {
  for (const [cardId, d] of failed) {
    const cell = table.querySelector(`tr[data-card="${cardId}"] .update-state`)?.parentElement;
    cell?.append(
      h(
        "div",
        { class: "field-error send-failed" },
        `Last send failed (${d.subject}): ${d.lastError ?? "no reason given"}`,
      ),
    );
  }
}

function registry(current: BoardRecords): HTMLElement {
  const rows = registryRows(current);
  const table = h("div", { class: "registry-results" });
  const failed = failedSends();
  const drawTable = () => {
    replaceChildren(
      table,
      renderRegistryTable(filterRows(rows, filters), rows.length, current, {
        onEdit: (cardId) => void edit(cardId),
        onSend: (cardId) => show({ send: { cardId } }),
      }),
    );
    void failed.then((sends) => markFailedSends(table, sends));
  };
  drawTable();
  return h("section", { class: "registry" }, rows.length ? renderFilters(filters, drawTable) : null, table);
}

function grid(current: BoardRecords): HTMLElement {
  const stakeholders = registryRows(current).flatMap((row) => (row.kind === "ok" ? [row.stakeholder] : []));
  return renderPowerInterestGrid(stakeholders);
}

function content(current: BoardRecords): HTMLElement {
  if ("send" in view) {
    const { cardId } = view.send;
    const row = registryRows(current).find((r) => r.card.id === cardId);
    if (row?.kind !== "ok") return registry(current);
    return renderSendUpdate({
      t,
      cardId,
      stakeholder: row.stakeholder,
      onSent: (sent) => void reload({ tab: "registry" }, sent),
      onCancel: () => show({ tab: "registry" }),
    });
  }
  if ("form" in view) {
    return renderStakeholderForm({
      t,
      board: current,
      cardId: view.form.cardId,
      storedRaw: view.form.storedRaw,
      onSaved: (name, createdCard) => {
        if (createdCard) createdCards.push(createdCard);
        void reload({ tab: "registry" }, `Saved ${name}`);
      },
      onCancel: () => show({ tab: "registry" }),
    });
  }
  if (view.tab === "grid") return grid(current);
  if (view.tab === "agreements")
    return renderAgreements(t, current, () => void reload({ tab: "agreements" }, "Agreements saved"));
  return registry(current);
}

function draw(): void {
  if (!board) return;
  const current = board;
  replaceChildren(
    app,
    h(
      "header",
      { class: "page-header" },
      h("h1", {}, `Stakeholders — ${current.board.name}`),
      h(
        "div",
        { class: "actions page-actions" },
        h("button", { type: "button", class: "btn", onclick: () => void exportRegister("csv") }, "Export CSV"),
        h("button", { type: "button", class: "btn", onclick: () => void exportRegister("xlsx") }, "Export XLSX"),
        h("button", { type: "button", class: "btn btn-primary", onclick: () => show({ form: {} }) }, "Add stakeholder"),
      ),
    ),
    renderTabs("tab" in view ? view.tab : undefined, (tab) => show({ tab })),
    status,
    content(current),
  );
}

/** The register with every field, as the service has it (what the last sync read), saved as a file. */
async function exportRegister(format: "csv" | "xlsx"): Promise<void> {
  showMessage(status, "Preparing the register…", "info");
  const path = `/api/boards/${t.getContext().board}/stakeholders/export?format=${format}`;
  const file = await fetchServiceFile(t, path, "stakeholders", `stakeholder-register.${format}`);
  if (!file.ok) return showMessage(status, file.message, "error");
  saveBlob(file.blob, file.filename);
  showMessage(status, `Saved ${file.filename}.`, "ok");
}

function show(next: View): void {
  view = next;
  status.replaceChildren();
  status.className = "page-status";
  draw();
}

/** Opens the form on a stakeholder; a record that fails its schema is read as stored, to repair what is broken. */
async function edit(cardId: string): Promise<void> {
  const invalid = board?.records.get(cardId)?.stakeholder?.status === "invalid";
  const storedRaw = invalid ? (await readScope(t, cardId)).stakeholder : undefined;
  show({ form: { cardId, storedRaw } });
}

async function load(): Promise<BoardRecords> {
  return withCreatedCards(t, await loadBoardRecords(t), createdCards);
}

async function reload(next: View, saved?: string): Promise<void> {
  board = await load();
  show(next);
  if (saved) showMessage(status, saved, "ok");
}

t.render(() => {
  // A form being typed in is never redrawn under the user; the data is reloaded when they save or leave it.
  const typing = !("tab" in view) || view.tab === "agreements";
  if (typing && board) return;
  load()
    .then((loaded) => {
      board = loaded;
      draw();
    })
    .catch((err: unknown) =>
      showMessage(app, `The board could not be read: ${err instanceof Error ? err.message : String(err)}`, "error"),
    );
});
