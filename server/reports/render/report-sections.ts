import { AUDIENCE_LABELS } from "../../../shared/loop/audience";
import type { MilestoneRow, ReportModel, ScopeDecisionRow, InvoiceRow, StakeholderMove } from "../model/report-model";
import { isOverdue } from "../model/stakeholders-section";
import { formatDay, formatInstant, formatLabel, formatMoney, formatMonth } from "./format-values";

/** The charts HTML and PDF draw; Markdown and CSV carry the same figures as tables. */
export type ChartKind = "throughput" | "cycle-time" | "cumulative-flow" | "stages";

export type ReportBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; title?: string; items: string[] }
  | { kind: "table"; title: string; headers: string[]; rows: string[][] }
  /** `figures`: the chart's numbers as a table, for formats without charts (Markdown). */
  | { kind: "chart"; chart: ChartKind; title: string; figures?: { headers: string[]; rows: string[][] } };

export interface ReportSectionView {
  number: number;
  title: string;
  blocks: ReportBlock[];
}

export const SECTION_TITLES = [
  "Summary",
  "Milestones",
  "Sprints",
  "Scope and boundaries",
  "Stakeholders",
  "Delivery flow",
  "Documents and agreements",
  "Invoicing",
  "Next month",
] as const;

/** The report's title line: board name (or id) and month. */
export function reportTitle(model: ReportModel): string {
  return `Monthly report: ${model.board.name ?? model.board.id}, ${formatMonth(model.period.month)}`;
}

/** The line under the title: audience, zone and when the model was built. */
export function reportSubtitle(model: ReportModel): string {
  const audience = `${AUDIENCE_LABELS[model.audience]} report${model.party ? ` for ${model.party}` : ""}`;
  return `${audience} · times in ${model.period.timezone} · generated ${formatInstant(model.generatedAt, model.period.timezone)}`;
}

/** The nine sections in order, as text blocks every document renderer lays out the same way. */
export function buildReportSections(model: ReportModel): ReportSectionView[] {
  const builders = [summary, milestones, sprints, scope, stakeholders, flow, documents, invoicing, nextMonth];
  return builders.map((build, index) => ({ number: index + 1, title: SECTION_TITLES[index], blocks: build(model) }));
}

const MILESTONE_HEADERS = ["Milestone", "Stage", "Deliverable", "Due", "First agreed", "Done", "Slipped"];

function milestoneRows(rows: MilestoneRow[]): string[][] {
  return rows.map((row) => [
    row.cardName,
    formatLabel(row.stage),
    row.deliverable,
    formatDay(row.due),
    formatDay(row.baselineDue),
    row.doneOn ? formatDay(row.doneOn) : "Not yet",
    row.slippedDays > 0 ? count(row.slippedDays, "day") : "-",
  ]);
}

function nonEmptyTable(title: string, headers: string[], rows: string[][]): ReportBlock[] {
  return rows.length > 0 ? [{ kind: "table", title, headers, rows }] : [];
}

function summary(model: ReportModel): ReportBlock[] {
  const s = model.summary;
  const status = s.computedStatus
    ? `Status: ${formatLabel(s.status)} (computed: ${formatLabel(s.computedStatus)}). ${s.statusReason}`
    : `Status: ${formatLabel(s.status)}. ${s.statusReason}`;
  const blocks: ReportBlock[] = [{ kind: "paragraph", text: status }];
  if (s.pmNote) blocks.push({ kind: "paragraph", text: `PM note: ${s.pmNote}` });
  blocks.push(
    s.highlights.length > 0
      ? { kind: "list", title: "Highlights", items: s.highlights }
      : { kind: "paragraph", text: "No highlights were recorded this month." },
  );
  // The model's key figures already carry the contract counts (cards created and completed, comments).
  const figures = s.keyFigures.map((figure) => [figure.label, figure.value]);
  blocks.push({ kind: "table", title: "Key figures", headers: ["Figure", "Value"], rows: figures });
  return blocks;
}

function milestones(model: ReportModel): ReportBlock[] {
  const m = model.milestones;
  const blocks = [
    ...nonEmptyTable("Hit", MILESTONE_HEADERS, milestoneRows(m.hit)),
    ...nonEmptyTable("Missed", MILESTONE_HEADERS, milestoneRows(m.missed)),
    ...nonEmptyTable("Slipped", MILESTONE_HEADERS, milestoneRows(m.slipped)),
    ...nonEmptyTable("Due next month", MILESTONE_HEADERS, milestoneRows(m.dueNextMonth)),
  ];
  if (blocks.length === 0)
    blocks.push({ kind: "paragraph", text: "No milestones were hit, missed, slipped or due next month." });
  if (m.stages.some((stage) => stage.total > 0)) {
    blocks.push({
      kind: "chart",
      chart: "stages",
      title: "Milestones by stage (done of total)",
      figures: {
        headers: ["Stage", "Done", "Total"],
        rows: m.stages.map((st) => [formatLabel(st.stage), String(st.done), String(st.total)]),
      },
    });
  }
  return blocks;
}

function sprints(model: ReportModel): ReportBlock[] {
  if (model.sprints.length === 0) return [{ kind: "paragraph", text: "No sprint ran this month." }];
  const blocks: ReportBlock[] = [
    {
      kind: "table",
      title: "Sprints",
      headers: ["Sprint", "Dates", "Goal", "Committed", "Completed", "Carried over"],
      rows: model.sprints.map((sprint) => [
        `Sprint ${sprint.number}`,
        `${formatDay(sprint.start)} to ${formatDay(sprint.end)}`,
        sprint.goal ?? "-",
        String(sprint.committed),
        String(sprint.completed),
        String(sprint.carriedOver),
      ]),
    },
  ];
  for (const sprint of model.sprints) {
    const review = sprint.review;
    if (!review) continue;
    const items = [
      `Held on ${formatDay(review.heldOn)}: ${review.demoed} demoed, ${review.accepted} accepted.`,
      ...review.feedback.map((f) => `${f.stakeholder} (${f.sentiment})${f.note ? `: ${f.note}` : ""}`),
    ];
    if (review.decisions) items.push(`Decisions: ${review.decisions}`);
    if (review.nextSteps) items.push(`Next steps: ${review.nextSteps}`);
    blocks.push({ kind: "list", title: `Sprint ${sprint.number} review`, items });
  }
  return blocks;
}

function impact(row: ScopeDecisionRow): string {
  const parts: string[] = [];
  if (row.impactDays !== undefined) parts.push(count(row.impactDays, "day"));
  if (row.impactCost !== undefined) parts.push(formatMoney(row.impactCost, row.currency ?? "EUR"));
  return parts.length > 0 ? parts.join(", ") : "-";
}

function scope(model: ReportModel): ReportBlock[] {
  const s = model.scope;
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `${count(s.added.count, "change request")} approved this month, adding ${count(s.added.impactDays, "day")} of work; ${count(s.outOfScope.length, "item")} marked out of scope.`,
    },
    ...nonEmptyTable(
      "Decisions this month",
      ["Change", "Status", "Requested by", "Decided", "Impact", "Rationale"],
      s.decisions.map((row) => [
        row.cardName,
        row.status ? formatLabel(row.status) : "-",
        row.requestedBy ?? "-",
        row.decidedOn ? formatDay(row.decidedOn) : "-",
        impact(row),
        row.rationale ?? "-",
      ]),
    ),
    ...nonEmptyTable(
      "Change requests by status",
      ["Status", "Count", "Impact (days)", "Impact (cost)"],
      s.changeRequests.map((row) => [
        formatLabel(row.status),
        String(row.count),
        String(row.impactDays),
        row.impactCost.map((cost) => formatMoney(cost.amount, cost.currency)).join(", ") || "-",
      ]),
    ),
    ...nonEmptyTable(
      "Out of scope",
      ["Item", "Boundary", "Rationale"],
      s.outOfScope.map((row) => [row.cardName, row.boundary ?? "-", row.rationale ?? "-"]),
    ),
  ];
  if (s.decisions.length === 0 && s.changeRequests.length === 0 && s.outOfScope.length === 0) {
    blocks.push({ kind: "paragraph", text: "No change requests or scope boundaries are recorded." });
  }
  return blocks;
}

/** A move within the month in words: what happened, to whom it went, why. */
function moveText(move: StakeholderMove): [string, string] {
  const lead = move.lead ? `${formatLabel(move.lead)} lead${move.leadName ? ` (${move.leadName})` : ""}` : "";
  switch (move.kind) {
    case "buy-in":
      return ["Buy-in moved", `${formatLabel(move.from ?? "-")} to ${formatLabel(move.to ?? "-")}`];
    case "difficult":
      return ["Became difficult", move.reason ?? "-"];
    case "escalated":
      return ["Escalated", `To the ${lead}: ${move.reason ?? "-"}`];
    case "escalation-resolved":
      return ["Escalation resolved", `By the ${lead}: ${move.reason ?? "-"}`];
    case "released":
      return ["Released", move.reason ?? "-"];
  }
}

function stakeholders(model: ReportModel): ReportBlock[] {
  const s = model.stakeholders;
  const tz = model.period.timezone;
  if (s.rows.length === 0) return [{ kind: "paragraph", text: "No stakeholders are registered on this board." }];
  // A client's or partner's copy has no assessment columns at all (see stakeholdersFor), not empty ones.
  const internal = model.audience === "internal";
  const headers = ["Stakeholder", "Type", "Channel", "Cadence", "Updates", "Last update"];
  const blocks: ReportBlock[] = [
    {
      kind: "table",
      title: "Stakeholders",
      headers: internal ? [...headers, "Overdue", "Buy-in", "Status"] : headers,
      rows: s.rows.map((row) => {
        const cells = [
          row.organisation ? `${row.name} (${row.organisation})` : row.name,
          formatLabel(row.type),
          row.channel,
          `every ${row.cadenceDays} days`,
          String(row.updatesLogged),
          row.lastUpdateAt ? formatInstant(row.lastUpdateAt, tz) : "None",
        ];
        if (!internal) return cells;
        const buyIn = row.buyIn ? formatLabel(row.buyIn) : "-";
        return [
          ...cells,
          // Never updated is owed an update too (the summary counts it): said in words, not as 0 days.
          row.overdueDays ? count(row.overdueDays, "day") : isOverdue(row) ? "No update yet" : "-",
          row.buyInBefore ? `${formatLabel(row.buyInBefore)} to ${buyIn}` : buyIn,
          row.status ? formatLabel(row.status) : "-",
        ];
      }),
    },
  ];
  blocks.push(
    ...nonEmptyTable(
      "Moves this month",
      ["Day", "Stakeholder", "Move", "Detail"],
      s.moves.map((move) => [formatDay(move.on), move.stakeholder, ...moveText(move)]),
    ),
  );
  if (s.difficult.length > 0) {
    blocks.push({
      kind: "list",
      title: "Difficult stakeholders",
      items: s.difficult.map((d) => (d.reason ? `${d.stakeholder}: ${d.reason}` : d.stakeholder)),
    });
  }
  blocks.push(
    ...nonEmptyTable(
      "Escalations",
      ["Stakeholder", "To", "Lead", "Reason", "On", "Resolved"],
      s.escalations.map((row) => [
        row.stakeholder,
        formatLabel(row.to),
        row.leadName ?? "-",
        row.reason,
        formatDay(row.on),
        row.resolvedOn ? formatDay(row.resolvedOn) : "Open",
      ]),
    ),
  );
  return blocks;
}

function formatDays(value: number | null): string {
  return value === null ? "n/a" : count(value, "day");
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? "" : "s"}`;
}

function flow(model: ReportModel): ReportBlock[] {
  const f = model.flow;
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `${f.created} cards created and ${f.completed} completed. Cycle time: median ${formatDays(f.cycleTimeDays.median)}, 85th percentile ${formatDays(f.cycleTimeDays.p85)} (${f.cycleTimeDays.samples} cards).`,
    },
  ];
  if (f.cycleTimeDistribution.some((bin) => bin.cards > 0)) {
    blocks.push({
      kind: "chart",
      chart: "cycle-time",
      title: "Cycle time (cards completed, by days from created to done)",
      figures: {
        headers: ["Days", "Cards"],
        rows: f.cycleTimeDistribution.map((bin) => [
          bin.toDays === null ? `${bin.fromDays} or more` : `${bin.fromDays} to ${bin.toDays}`,
          String(bin.cards),
        ]),
      },
    });
  }
  if (f.throughputByWeek.length > 0) {
    blocks.push({ kind: "chart", chart: "throughput", title: "Throughput by week" });
    blocks.push({
      kind: "table",
      title: "Cards completed per week",
      headers: ["Week of", "Completed"],
      rows: f.throughputByWeek.map((week) => [formatDay(week.weekStart), String(week.completed)]),
    });
  }
  if (f.cumulativeFlow.some((day) => day.lists.length > 0)) {
    blocks.push({ kind: "chart", chart: "cumulative-flow", title: "Cumulative flow (open cards per list)" });
  }
  blocks.push(
    f.wipAtMonthEnd.length > 0
      ? {
          kind: "table",
          title: "Work in progress at month end",
          headers: ["List", "Open cards"],
          rows: f.wipAtMonthEnd.map((row) => [row.listName, String(row.cards)]),
        }
      : { kind: "paragraph", text: "No cards were open at the end of the month." },
  );
  return blocks;
}

function documents(model: ReportModel): ReportBlock[] {
  if (model.documents.length === 0)
    return [{ kind: "paragraph", text: "No documents or agreements are tracked on this board." }];
  return [
    {
      kind: "table",
      title: "Documents",
      // The team's copy lists every party's checklist; a party's copy holds its own, so the column would say nothing.
      ...(model.party
        ? {
            headers: ["Document", "Status", "Shared", "Link"],
            rows: model.documents.map((doc) => [
              doc.name,
              formatLabel(doc.status),
              doc.shared ? "Yes" : "No",
              doc.link ?? "-",
            ]),
          }
        : {
            headers: ["Party", "Document", "Status", "Shared", "Link"],
            rows: model.documents.map((doc) => [
              doc.party ?? "-",
              doc.name,
              formatLabel(doc.status),
              doc.shared ? "Yes" : "No",
              doc.link ?? "-",
            ]),
          }),
    },
  ];
}

const INVOICE_HEADERS = ["Invoice", "Amount", "Issued", "Due", "Paid", "Milestone", "Status"];

function invoiceRows(rows: InvoiceRow[]): string[][] {
  return rows.map((row) => [
    row.number,
    formatMoney(row.amount, row.currency),
    formatDay(row.issuedOn),
    formatDay(row.dueOn),
    row.paidOn ? formatDay(row.paidOn) : "-",
    row.milestone ?? "-",
    formatLabel(row.status),
  ]);
}

function invoicing(model: ReportModel): ReportBlock[] {
  const i = model.invoicing;
  const blocks = [
    ...nonEmptyTable("Issued this month", INVOICE_HEADERS, invoiceRows(i.issued)),
    ...nonEmptyTable("Paid this month", INVOICE_HEADERS, invoiceRows(i.paid)),
    ...nonEmptyTable("Overdue", INVOICE_HEADERS, invoiceRows(i.overdue)),
    ...nonEmptyTable(
      "Totals by currency",
      ["Currency", "Issued", "Paid", "Overdue"],
      i.totals.map((t) => [
        t.currency,
        formatMoney(t.issued, t.currency),
        formatMoney(t.paid, t.currency),
        formatMoney(t.overdue, t.currency),
      ]),
    ),
  ];
  return blocks.length > 0
    ? blocks
    : [{ kind: "paragraph", text: "No invoices were issued, paid or overdue this month." }];
}

function nextMonth(model: ReportModel): ReportBlock[] {
  const n = model.nextMonth;
  const blocks = [
    ...nonEmptyTable("Milestones due", MILESTONE_HEADERS, milestoneRows(n.milestonesDue)),
    ...nonEmptyTable(
      "Sprints planned",
      ["Sprint", "Dates", "Goal"],
      n.sprintsPlanned.map((s) => [
        `Sprint ${s.number}`,
        `${formatDay(s.start)} to ${formatDay(s.end)}`,
        s.goal ?? "-",
      ]),
    ),
    ...nonEmptyTable(
      "Open change requests",
      ["Change", "Status", "Requested by", "Impact"],
      n.openChangeRequests.map((row) => [
        row.cardName,
        row.status ? formatLabel(row.status) : "-",
        row.requestedBy ?? "-",
        impact(row),
      ]),
    ),
  ];
  return blocks.length > 0 ? blocks : [{ kind: "paragraph", text: "Nothing is planned for next month yet." }];
}
