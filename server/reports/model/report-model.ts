/**
 * The monthly report model (issue 5): what every renderer (HTML, PDF, Markdown, CSV, JSON) draws from. JSON is this
 * object as it is; DESIGN.md's contract fields (`period`, `cards`, `comments`) stay at the top level.
 */

import type { Audience } from "../../../shared/loop/audience";

export type { Audience };

/**
 * 3: audiences gained partner and a party; stakeholders gained their moves in the month and difficult reasons; the
 * delivery flow gained its cycle-time distribution.
 */
export const REPORT_MODEL_VERSION = 3;

export type { ProjectStatus } from "../../../shared/api/report-api";
import type { ProjectStatus } from "../../../shared/api/report-api";

export interface ReportPeriod {
  month: string;
  timezone: string;
  /** First instant of the month in the zone (ISO, UTC). */
  start: string;
  /** First instant of the next month (exclusive). */
  end: string;
}

export interface KeyFigure {
  label: string;
  value: string;
}

export interface SummarySection {
  status: ProjectStatus;
  /** Why the status was computed (or "Set by the PM"). */
  statusReason: string;
  /** The status the rules computed, when a PM override replaced it. */
  computedStatus?: ProjectStatus;
  /** The PM's note (internal audience only). */
  pmNote?: string;
  highlights: string[];
  keyFigures: KeyFigure[];
}

export interface MilestoneRow {
  cardId: string;
  cardName: string;
  stage: string;
  deliverable: string;
  due: string;
  baselineDue: string;
  doneOn?: string;
  /** Days the due date moved later than first agreed (0 when it has not slipped). */
  slippedDays: number;
}

export interface MilestonesSection {
  /** Done on or before their due date, done within the month. */
  hit: MilestoneRow[];
  /** Due within the month and not done by their due date (done late, or still open). */
  missed: MilestoneRow[];
  /** Due date moved later than first agreed, among milestones due in or after the month. */
  slipped: MilestoneRow[];
  dueNextMonth: MilestoneRow[];
  /** Milestones per stage (initiation, planning, execution, closing): total and done. */
  stages: { stage: string; total: number; done: number }[];
}

export interface FeedbackRow {
  stakeholder: string;
  sentiment: "positive" | "neutral" | "negative";
  note?: string;
}

export interface SprintRow {
  cardId: string;
  number: number;
  start: string;
  end: string;
  goal?: string;
  committed: number;
  /** Committed cards in a done list at the sprint's end (or at month end for a sprint still running). */
  completed: number;
  /** Committed cards not done when the sprint ended. */
  carriedOver: number;
  review?: {
    heldOn: string;
    demoed: number;
    accepted: number;
    feedback: FeedbackRow[];
    decisions?: string;
    nextSteps?: string;
  };
}

export interface ScopeDecisionRow {
  cardId: string;
  cardName: string;
  decision: "in" | "out" | "change";
  status?: "proposed" | "approved" | "rejected" | "deferred";
  boundary?: string;
  rationale?: string;
  requestedBy?: string;
  decidedOn?: string;
  impactDays?: number;
  impactCost?: number;
  currency?: string;
}

export interface ScopeSection {
  /** Change requests decided (approved, rejected, deferred) within the month. */
  decisions: ScopeDecisionRow[];
  /** Every change request on the board by status, with impact summed (cost per currency). */
  changeRequests: {
    status: string;
    count: number;
    impactDays: number;
    impactCost: { currency: string; amount: number }[];
  }[];
  /** Approved this month: days of work added; cards marked out of scope: what we said no to. */
  added: { count: number; impactDays: number };
  outOfScope: ScopeDecisionRow[];
}

export interface StakeholderRow {
  cardId: string;
  name: string;
  type: string;
  organisation?: string;
  channel: string;
  cadenceDays: number;
  /** Updates logged within the month. */
  updatesLogged: number;
  lastUpdateAt?: string;
  /** Internal audience only: days overdue at month end (or today for the running month). */
  overdueDays?: number;
  /** Internal audience only. */
  buyIn?: string;
  /** Internal audience only: buy-in when first known in the month, when it differs from its end (how it moved). */
  buyInBefore?: string;
  /** Internal audience only: active / difficult / escalated / released. */
  status?: string;
}

export interface EscalationRow {
  cardId: string;
  stakeholder: string;
  to: "technical" | "operational";
  leadName?: string;
  reason: string;
  on: string;
  resolvedOn?: string;
}

export interface DifficultRow {
  cardId: string;
  stakeholder: string;
  reason?: string;
}

/** Something that changed about a stakeholder within the month, on the day it happened. */
export interface StakeholderMove {
  cardId: string;
  stakeholder: string;
  /** The day (the record's own date where it carries one, else the day the change was seen). */
  on: string;
  kind: "buy-in" | "difficult" | "escalated" | "escalation-resolved" | "released";
  /** Buy-in moves: the level before and after. */
  from?: string;
  to?: string;
  /** Escalations: the lead it went to, and their name when known. */
  lead?: "technical" | "operational";
  leadName?: string;
  reason?: string;
}

export interface StakeholdersSection {
  rows: StakeholderRow[];
  /** Internal audience only (empty for clients and partners). */
  difficult: DifficultRow[];
  escalations: EscalationRow[];
  moves: StakeholderMove[];
}

export interface FlowSection {
  created: number;
  completed: number;
  /** Completed cards per week (weeks start on Monday in the board's zone; partial weeks at the month's edges). */
  throughputByWeek: { weekStart: string; completed: number }[];
  /** Days from a card's creation to its first entry into a done list, for cards completed in the month. */
  cycleTimeDays: { median: number | null; p85: number | null; samples: number };
  /**
   * The same cycle times binned: cards whose time falls in [fromDays, toDays) days, toDays null for the last, open bin
   * (0–1, 1–2, 2–4, 4–7, 7–14, 14–28, 28+). Empty in a model upgraded from version 2, which did not record it.
   */
  cycleTimeDistribution: { fromDays: number; toDays: number | null; cards: number }[];
  /** Open cards per workflow list (done lists left out) at the month's end. */
  wipAtMonthEnd: { listId: string; listName: string; cards: number }[];
  /** Open cards per workflow list (done lists included) at the end of each day of the month. */
  cumulativeFlow: { date: string; lists: { listName: string; cards: number }[] }[];
}

export interface DocumentRow {
  /** The party the agreement is with (internal copy; a party's copy holds its own only). */
  party?: string;
  name: string;
  status: "missing" | "draft" | "signed";
  shared: boolean;
  link?: string;
}

export interface InvoiceRow {
  cardId: string;
  number: string;
  amount: number;
  currency: string;
  issuedOn: string;
  dueOn: string;
  paidOn?: string;
  milestone?: string;
  status: "paid" | "overdue" | "open";
}

export interface InvoicingSection {
  issued: InvoiceRow[];
  paid: InvoiceRow[];
  /** Unpaid past their due date at month end. */
  overdue: InvoiceRow[];
  totals: { currency: string; issued: number; paid: number; overdue: number }[];
}

export interface NextMonthSection {
  milestonesDue: MilestoneRow[];
  sprintsPlanned: { cardId: string; number: number; start: string; end: string; goal?: string }[];
  openChangeRequests: ScopeDecisionRow[];
}

export interface ReportModel {
  schemaVersion: typeof REPORT_MODEL_VERSION;
  board: { id: string; name: string | null };
  period: ReportPeriod;
  audience: Audience;
  /** The client or partner organisation a client or partner report is for. */
  party?: string;
  /** When the model was built (ISO). */
  generatedAt: string;
  /** DESIGN.md's contract figures. */
  cards: { created: number; completed: number };
  comments: number;
  summary: SummarySection;
  milestones: MilestonesSection;
  sprints: SprintRow[];
  scope: ScopeSection;
  stakeholders: StakeholdersSection;
  flow: FlowSection;
  documents: DocumentRow[];
  invoicing: InvoicingSection;
  nextMonth: NextMonthSection;
}
