import { deliveryChannelOf } from "../../shared/loop/delivery-channel";
import { INITIATION_ITEMS } from "../../shared/loop/stakeholder";
import type { BoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";
import { readErrorBox } from "../lib/read-error-box";
import { channelCadence } from "./channel-cadence";
import { formatInstant } from "./format-instant";
import { leadLabel } from "./escalation-lead";
import type { RegistryRow } from "./registry-rows";
import { updateStateText } from "./update-state-text";

const TOTAL_INITIATION = Object.keys(INITIATION_ITEMS).length;

const STATUS_TONES = { active: "green", difficult: "yellow", escalated: "red", released: "grey" } as const;

function statusCell(row: Extract<RegistryRow, { kind: "ok" }>, board: BoardRecords): HTMLElement {
  const { status } = row;
  const { escalation } = row.stakeholder;
  const escalated = status === "escalated" && escalation;
  return h(
    "td",
    { class: "status-cell" },
    h("span", { class: `badge badge-${STATUS_TONES[status]}` }, status),
    escalated
      ? h(
          "div",
          { class: "escalation" },
          `to ${leadLabel(escalation.to, board.settings, board.members)} on ${escalation.on}`,
        )
      : null,
    escalated ? h("div", { class: "muted" }, escalation.reason) : null,
    escalation?.resolvedOn && !escalated
      ? h("div", { class: "muted" }, `Escalation resolved on ${escalation.resolvedOn}`)
      : null,
    status === "difficult" && row.stakeholder.difficultReason
      ? h("div", { class: "muted" }, row.stakeholder.difficultReason)
      : null,
    status === "released" && row.stakeholder.release
      ? h("div", { class: "muted" }, `Released on ${row.stakeholder.release.on}: ${row.stakeholder.release.reason}`)
      : null,
    h("div", { class: "muted" }, `Buy-in: ${row.stakeholder.buyIn}`),
  );
}

function initiationCell(row: Extract<RegistryRow, { kind: "ok" }>): HTMLElement {
  const done = TOTAL_INITIATION - row.openInitiation.length;
  return h(
    "td",
    {},
    h(
      "span",
      { class: done === TOTAL_INITIATION ? "initiation-done" : "initiation-open" },
      `${done} of ${TOTAL_INITIATION}`,
    ),
    row.openInitiation.length
      ? h(
          "ul",
          { class: "initiation-open-items muted", "aria-label": "Still open" },
          ...row.openInitiation.map((item) => h("li", {}, item)),
        )
      : null,
  );
}

export interface RegistryActions {
  onEdit: (cardId: string) => void;
  /** Opens "Send update" on a stakeholder on a channel the service sends on. */
  onSend: (cardId: string) => void;
}

/** Due today or owed: the stakeholders "Send update" is offered for. */
function isDue(row: Extract<RegistryRow, { kind: "ok" }>, today: string): boolean {
  return (
    row.status !== "released" && (row.update.overdue || (row.update.dueOn !== undefined && row.update.dueOn <= today))
  );
}

function okRow(row: Extract<RegistryRow, { kind: "ok" }>, board: BoardRecords, actions: RegistryActions): HTMLElement {
  const s = row.stakeholder;
  // Offered on every channel the service sends on; the primary action only where an update is due or owed.
  const sendable = deliveryChannelOf(s.channel) !== undefined && row.status !== "released";
  const due = isDue(row, board.today);
  const state = updateStateText(row.update, row.status === "released");
  return h(
    "tr",
    { class: `stakeholder-row status-${row.status}`, "data-card": row.card.id },
    h(
      "th",
      { scope: "row" },
      h("div", { class: "stakeholder-name" }, s.name),
      s.org ? h("div", { class: "muted" }, s.org) : null,
    ),
    h("td", {}, h("span", { class: `type-chip type-${s.type}` }, s.type)),
    h("td", { class: "channel-cell" }, channelCadence(s)),
    h(
      "td",
      {},
      h("span", { class: `badge badge-${state.tone} update-state` }, state.text),
      row.update.lastUpdateAt
        ? h("div", { class: "muted last-update" }, `Last: ${formatInstant(row.update.lastUpdateAt, board.timeZone)}`)
        : null,
      row.logError ? h("div", { class: "field-error" }, row.logError) : null,
    ),
    statusCell(row, board),
    initiationCell(row),
    h(
      "td",
      { class: "row-actions" },
      sendable
        ? h(
            "button",
            {
              type: "button",
              class: due ? "btn btn-primary send-update" : "btn send-update",
              "aria-label": `Send update to ${s.name}`,
              onclick: () => actions.onSend(row.card.id),
            },
            "Send update",
          )
        : null,
      h(
        "button",
        { type: "button", class: "btn", "aria-label": `Edit ${s.name}`, onclick: () => actions.onEdit(row.card.id) },
        "Edit",
      ),
    ),
  );
}

function invalidRow(row: Extract<RegistryRow, { kind: "invalid" }>, onEdit: (cardId: string) => void): HTMLElement {
  return h(
    "tr",
    { class: "stakeholder-row invalid-row", "data-card": row.card.id },
    h("th", { scope: "row" }, h("div", { class: "stakeholder-name" }, row.card.name)),
    h("td", { colspan: 6 }, readErrorBox(row.message, { label: "Edit", onClick: () => onEdit(row.card.id) })),
  );
}

/** The registry table; `total` is the number of stakeholders before filtering, to tell "none yet" from "none match". */
export function renderRegistryTable(
  rows: RegistryRow[],
  total: number,
  board: BoardRecords,
  actions: RegistryActions,
): HTMLElement {
  if (total === 0) {
    return h(
      "div",
      { class: "empty-state" },
      h("p", {}, h("strong", {}, "No stakeholders on this board yet.")),
      h(
        "p",
        {},
        "Click “Add stakeholder” to add your first client or partner. Each stakeholder lives on a card of this board: " +
          "choose an existing card or let Stakeholder Loop create one, then agree a channel and how often they hear from you.",
      ),
    );
  }
  if (rows.length === 0) return h("p", { class: "empty-state" }, "No stakeholder matches these filters.");
  return h(
    "table",
    { class: "table registry-table" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...["Name", "Type", "Channel", "Updates", "Status", "Initiation", ""].map((title) =>
          h("th", { scope: "col" }, title),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      ...rows.map((row) => (row.kind === "ok" ? okRow(row, board, actions) : invalidRow(row, actions.onEdit))),
    ),
  );
}
