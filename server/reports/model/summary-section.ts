import type {
  InvoicingSection,
  KeyFigure,
  MilestonesSection,
  ProjectStatus,
  ScopeSection,
  SprintRow,
  StakeholdersSection,
  SummarySection,
} from "./report-model";
import type { ReportDays } from "./report-days";
import { isOverdue } from "./stakeholders-section";

export interface SummaryInput {
  milestones: MilestonesSection;
  sprints: readonly SprintRow[];
  scope: ScopeSection;
  stakeholders: StakeholdersSection;
  invoicing: InvoicingSection;
  cards: { created: number; completed: number };
  comments: number;
  days: ReportDays;
  pmStatus?: ProjectStatus;
  pmNote?: string;
  /** The team's own copy: a client's or partner's never counts stakeholders owed an update or their buy-in moves. */
  internal: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

function moneyList(totals: InvoicingSection["totals"], pick: "issued" | "paid" | "overdue"): string {
  const parts = totals.filter((t) => t[pick] > 0).map((t) => money(t[pick], t.currency));
  return parts.length ? parts.join(" + ") : "none";
}

/**
 * Off-track: a milestone missed in the month or an escalation open at its end. At-risk: a milestone slipped, a
 * stakeholder owed an update, or an invoice overdue. Reasons name no person and no escalation reason, so the
 * client's copy can carry them as they are.
 */
function computeStatus(input: SummaryInput): { status: ProjectStatus; reasons: string[] } {
  const { milestones, stakeholders, invoicing, days } = input;
  const openEscalations = stakeholders.escalations.filter((e) => !e.resolvedOn || e.resolvedOn > days.asOf).length;
  const offTrack = [
    milestones.missed.length ? `${plural(milestones.missed.length, "milestone")} missed` : "",
    openEscalations ? `${plural(openEscalations, "escalation")} open` : "",
  ].filter(Boolean);
  if (offTrack.length) return { status: "off-track", reasons: offTrack };
  const overdueUpdates = input.internal ? stakeholders.rows.filter(isOverdue).length : 0;
  const atRisk = [
    milestones.slipped.length ? `${plural(milestones.slipped.length, "milestone")} slipped` : "",
    overdueUpdates ? `${plural(overdueUpdates, "stakeholder")} owed an update` : "",
    invoicing.overdue.length ? `${plural(invoicing.overdue.length, "invoice")} overdue` : "",
  ].filter(Boolean);
  if (atRisk.length) return { status: "at-risk", reasons: atRisk };
  const none = input.internal ? "open escalations, overdue updates or overdue invoices" : "or overdue invoices";
  return { status: "on-track", reasons: [`No missed or slipped milestones, ${none}`] };
}

function highlights(input: SummaryInput): string[] {
  const { milestones, sprints, scope, stakeholders, invoicing, days } = input;
  const lines: string[] = [];
  if (milestones.hit.length) lines.push(`Milestones hit: ${milestones.hit.map((m) => m.deliverable).join(", ")}.`);
  if (milestones.missed.length)
    lines.push(`Milestones missed: ${milestones.missed.map((m) => m.deliverable).join(", ")}.`);
  for (const s of sprints) {
    if (s.review && s.review.heldOn >= days.first && s.review.heldOn <= days.last) {
      lines.push(
        `Sprint ${s.number} review held on ${s.review.heldOn}: ${s.review.accepted} of ${s.review.demoed} demoed cards accepted.`,
      );
    }
  }
  if (scope.added.count)
    lines.push(
      `${plural(scope.added.count, "change request")} approved, adding ${scope.added.impactDays} days of work.`,
    );
  const rejected = scope.decisions.filter((d) => d.status === "rejected").length;
  if (rejected) lines.push(`${plural(rejected, "change request")} rejected.`);
  for (const row of input.internal ? stakeholders.rows : []) {
    if (row.buyInBefore) lines.push(`${row.name}'s buy-in moved from ${row.buyInBefore} to ${row.buyIn}.`);
  }
  if (invoicing.paid.length)
    lines.push(`${plural(invoicing.paid.length, "invoice")} paid (${moneyList(invoicing.totals, "paid")}).`);
  if (input.cards.completed) lines.push(`${plural(input.cards.completed, "card")} completed.`);
  return lines;
}

function keyFigures(input: SummaryInput): KeyFigure[] {
  const { milestones, scope, stakeholders, invoicing } = input;
  return [
    { label: "Cards completed", value: String(input.cards.completed) },
    { label: "Cards created", value: String(input.cards.created) },
    { label: "Comments", value: String(input.comments) },
    { label: "Milestones hit", value: String(milestones.hit.length) },
    { label: "Milestones missed", value: String(milestones.missed.length) },
    { label: "Change requests approved", value: String(scope.added.count) },
    {
      label: "Stakeholder updates logged",
      value: String(stakeholders.rows.reduce((sum, r) => sum + r.updatesLogged, 0)),
    },
    { label: "Invoiced", value: moneyList(invoicing.totals, "issued") },
    { label: "Paid", value: moneyList(invoicing.totals, "paid") },
    { label: "Overdue", value: moneyList(invoicing.totals, "overdue") },
  ];
}

/** The month at a glance: a status with its reason (a PM's override wins and keeps the computed one), highlights, figures. */
export function buildSummarySection(input: SummaryInput): SummarySection {
  const computed = computeStatus(input);
  const reason = computed.reasons.join("; ");
  const statusReason = reason.charAt(0).toUpperCase() + reason.slice(1);
  const base = {
    highlights: highlights(input),
    keyFigures: keyFigures(input),
    ...(input.pmNote ? { pmNote: input.pmNote } : {}),
  };
  if (input.pmStatus)
    return { status: input.pmStatus, statusReason: "Set by the PM", computedStatus: computed.status, ...base };
  return { status: computed.status, statusReason, ...base };
}
