import type { InvoiceRow, MilestoneRow, ReportModel, ScopeDecisionRow } from "../model/report-model";
import { csvText } from "./csv-text";
import { zipFiles } from "./zip-files";

export const CSV_TABLES = [
  "milestones",
  "sprints",
  "scope-decisions",
  "change-requests",
  "stakeholders",
  "stakeholder-moves",
  "throughput",
  "cycle-time",
  "wip",
  "cumulative-flow",
  "documents",
  "invoices",
] as const;
export type CsvTableName = (typeof CSV_TABLES)[number];

export interface CsvTable {
  name: CsvTableName;
  csv: string;
}

type Cell = string | number | boolean | undefined;

const MILESTONE_HEADERS = [
  "category",
  "card_id",
  "card_name",
  "stage",
  "deliverable",
  "due",
  "baseline_due",
  "done_on",
  "slipped_days",
];
const milestoneCells = (category: string, row: MilestoneRow): Cell[] => [
  category,
  row.cardId,
  row.cardName,
  row.stage,
  row.deliverable,
  row.due,
  row.baselineDue,
  row.doneOn,
  row.slippedDays,
];

const SCOPE_HEADERS = [
  "category",
  "card_id",
  "card_name",
  "decision",
  "status",
  "boundary",
  "rationale",
  "requested_by",
  "decided_on",
  "impact_days",
  "impact_cost",
  "currency",
];
const scopeCells = (category: string, row: ScopeDecisionRow): Cell[] => [
  category,
  row.cardId,
  row.cardName,
  row.decision,
  row.status,
  row.boundary,
  row.rationale,
  row.requestedBy,
  row.decidedOn,
  row.impactDays,
  row.impactCost,
  row.currency,
];

const INVOICE_HEADERS = [
  "category",
  "card_id",
  "number",
  "amount",
  "currency",
  "issued_on",
  "due_on",
  "paid_on",
  "milestone",
  "status",
];
const invoiceCells = (category: string, row: InvoiceRow): Cell[] => [
  category,
  row.cardId,
  row.number,
  row.amount,
  row.currency,
  row.issuedOn,
  row.dueOn,
  row.paidOn,
  row.milestone,
  row.status,
];

const STAKEHOLDER_HEADERS = [
  "card_id",
  "name",
  "type",
  "organisation",
  "channel",
  "cadence_days",
  "updates_logged",
  "last_update_at",
];

function stakeholderTable(model: ReportModel): { headers: string[]; rows: Cell[][] } {
  const internal = model.audience === "internal";
  return {
    headers: internal
      ? [...STAKEHOLDER_HEADERS, "overdue_days", "buy_in", "buy_in_before", "status"]
      : STAKEHOLDER_HEADERS,
    rows: model.stakeholders.rows.map((s) => {
      const cells: Cell[] = [
        s.cardId,
        s.name,
        s.type,
        s.organisation,
        s.channel,
        s.cadenceDays,
        s.updatesLogged,
        s.lastUpdateAt,
      ];
      return internal ? [...cells, s.overdueDays, s.buyIn, s.buyInBefore, s.status] : cells;
    }),
  };
}

function tableRows(model: ReportModel): Record<CsvTableName, { headers: string[]; rows: Cell[][] }> {
  const m = model.milestones;
  const i = model.invoicing;
  return {
    milestones: {
      headers: MILESTONE_HEADERS,
      rows: [
        ...m.hit.map((row) => milestoneCells("hit", row)),
        ...m.missed.map((row) => milestoneCells("missed", row)),
        ...m.slipped.map((row) => milestoneCells("slipped", row)),
        ...m.dueNextMonth.map((row) => milestoneCells("due-next-month", row)),
      ],
    },
    sprints: {
      headers: [
        "card_id",
        "number",
        "start",
        "end",
        "goal",
        "committed",
        "completed",
        "carried_over",
        "review_held_on",
        "demoed",
        "accepted",
        "feedback",
        "decisions",
        "next_steps",
      ],
      rows: model.sprints.map((s) => [
        s.cardId,
        s.number,
        s.start,
        s.end,
        s.goal,
        s.committed,
        s.completed,
        s.carriedOver,
        s.review?.heldOn,
        s.review?.demoed,
        s.review?.accepted,
        s.review?.feedback.map((f) => `${f.stakeholder} (${f.sentiment})${f.note ? `: ${f.note}` : ""}`).join("\n"),
        s.review?.decisions,
        s.review?.nextSteps,
      ]),
    },
    "scope-decisions": {
      headers: SCOPE_HEADERS,
      rows: [
        ...model.scope.decisions.map((row) => scopeCells("decided", row)),
        ...model.scope.outOfScope.map((row) => scopeCells("out-of-scope", row)),
      ],
    },
    "change-requests": {
      headers: ["status", "count", "impact_days", "impact_cost"],
      rows: model.scope.changeRequests.map((row) => [
        row.status,
        row.count,
        row.impactDays,
        row.impactCost.map((cost) => `${cost.amount} ${cost.currency}`).join("; "),
      ]),
    },
    // A client's or partner's copy has no assessment columns (see stakeholdersFor), not empty ones.
    stakeholders: stakeholderTable(model),
    "stakeholder-moves": {
      headers: ["on", "card_id", "stakeholder", "kind", "from", "to", "lead", "lead_name", "reason"],
      rows: model.stakeholders.moves.map((m) => [
        m.on,
        m.cardId,
        m.stakeholder,
        m.kind,
        m.from,
        m.to,
        m.lead,
        m.leadName,
        m.reason,
      ]),
    },
    throughput: {
      headers: ["week_start", "completed"],
      rows: model.flow.throughputByWeek.map((week) => [week.weekStart, week.completed]),
    },
    "cycle-time": {
      headers: ["from_days", "to_days", "cards"],
      rows: model.flow.cycleTimeDistribution.map((bin) => [bin.fromDays, bin.toDays ?? undefined, bin.cards]),
    },
    wip: {
      headers: ["list_id", "list_name", "cards"],
      rows: model.flow.wipAtMonthEnd.map((row) => [row.listId, row.listName, row.cards]),
    },
    "cumulative-flow": {
      headers: ["date", "list_name", "cards"],
      rows: model.flow.cumulativeFlow.flatMap((day) => day.lists.map((list) => [day.date, list.listName, list.cards])),
    },
    documents: {
      headers: ["party", "name", "status", "shared", "link"],
      rows: model.documents.map((doc) => [doc.party, doc.name, doc.status, doc.shared, doc.link]),
    },
    invoices: {
      headers: INVOICE_HEADERS,
      rows: [
        ...i.issued.map((row) => invoiceCells("issued", row)),
        ...i.paid.map((row) => invoiceCells("paid", row)),
        ...i.overdue.map((row) => invoiceCells("overdue", row)),
      ],
    },
  };
}

/** One CSV per table of the model (raw values: YYYY-MM-DD days, ISO instants, plain numbers). */
export function renderCsvTables(model: ReportModel): CsvTable[] {
  const tables = tableRows(model);
  return CSV_TABLES.map((name) => ({ name, csv: csvText(tables[name].headers, tables[name].rows) }));
}

/** Every CSV table of the model in one zip, `<table>.csv` each. */
export function renderCsvZip(model: ReportModel): Promise<Buffer> {
  return zipFiles(renderCsvTables(model).map((table) => ({ name: `${table.name}.csv`, content: table.csv })));
}
