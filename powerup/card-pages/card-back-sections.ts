import type { CardRoles } from "../../shared/loop/card-roles";
import type { CommunicationLog } from "../../shared/loop/communication-log";
import type { Invoice } from "../../shared/loop/invoice";
import { invoiceStatus } from "../../shared/loop/invoice-state";
import type { Milestone } from "../../shared/loop/milestone";
import type { ScopeDecision } from "../../shared/loop/scope-decision";
import type { Sprint } from "../../shared/loop/sprint";
import type { SprintReview } from "../../shared/loop/sprint-review";
import { INITIATION_ITEMS, type Stakeholder } from "../../shared/loop/stakeholder";
import { isEscalationOpen, stakeholderStatus } from "../../shared/loop/stakeholder-status";
import { stakeholderUpdateState } from "../../shared/loop/stakeholder-update-state";
import { cardName, type BoardRecords } from "../lib/board-records";
import { h } from "../lib/dom";
import { badge } from "./badge";
import {
  capitalise,
  CHANGE_STATUS_COLOURS,
  CHANGE_STATUS_LABELS,
  INVOICE_STATUS_COLOURS,
  INVOICE_STATUS_LABELS,
  STAGE_LABELS,
} from "./labels";
import { cardInDoneList } from "../lib/done-lists";
import { milestoneSummary } from "./milestone-summary";
import { money } from "./money";
import { memberName, stakeholderName } from "./stakeholder-choices";

type Child = Node | string | null | undefined | false;

/** One "Label: value" line of the card-back. */
function line(label: string, ...value: Child[]): HTMLElement {
  return h("div", { class: "summary-line" }, h("span", { class: "summary-label" }, `${label}: `), ...value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const STATUS_COLOURS = { active: "green", difficult: "yellow", escalated: "red", released: "grey" } as const;

/** A stakeholder card: type, channel and cadence, whether an update is overdue, status, buy-in, open initiation items. */
export function stakeholderSection(
  board: BoardRecords,
  stakeholder: Stakeholder,
  log: CommunicationLog | undefined,
): Child[] {
  const update = stakeholderUpdateState(stakeholder, log, board.today, board.timeZone);
  const open = (Object.keys(INITIATION_ITEMS) as (keyof typeof INITIATION_ITEMS)[]).filter(
    (k) => !stakeholder.initiation[k],
  );
  const status = stakeholderStatus(stakeholder, board.today);
  let updateText: Child;
  if (status === "released") updateText = "no updates owed (released)";
  else if (!update.lastUpdateAt) updateText = badge("Update overdue: none logged yet", "red");
  else if (update.overdue) updateText = badge(`Update overdue by ${plural(update.overdueDays, "day")}`, "red");
  else updateText = `next update due ${update.dueOn}`;
  return [
    line(
      "Stakeholder",
      `${stakeholder.name} · ${capitalise(stakeholder.type)}`,
      stakeholder.org ? ` · ${stakeholder.org}` : "",
    ),
    line(
      "Updates",
      `${capitalise(stakeholder.channel)} every ${plural(stakeholder.cadenceDays, "day")} · `,
      updateText,
    ),
    line("Status", badge(capitalise(status), STATUS_COLOURS[status]), ` · buy-in: ${stakeholder.buyIn}`),
    stakeholder.escalation && isEscalationOpen(stakeholder, board.today)
      ? line(
          "Escalated",
          `to the ${stakeholder.escalation.to} lead on ${stakeholder.escalation.on}: ${stakeholder.escalation.reason}`,
        )
      : null,
    status === "difficult" && stakeholder.difficultReason ? line("Difficult", stakeholder.difficultReason) : null,
    status === "released" && stakeholder.release
      ? line("Released", `on ${stakeholder.release.on}: ${stakeholder.release.reason}`)
      : null,
    open.length
      ? line("Initiation open", open.map((k) => INITIATION_ITEMS[k]).join(", "))
      : line("Initiation", "all agreed"),
  ];
}

/** RACI names, one line per role that has someone. */
export function rolesSection(board: BoardRecords, roles: CardRoles): Child[] {
  const names = (ids: string[]) => ids.map((id) => stakeholderName(board, id)).join(", ");
  const lines = [
    roles.responsible.length ? line("Responsible", names(roles.responsible)) : null,
    roles.accountable ? line("Accountable", stakeholderName(board, roles.accountable)) : null,
    roles.consulted.length ? line("Consulted", names(roles.consulted)) : null,
    roles.informed.length ? line("Informed", names(roles.informed)) : null,
  ].filter((l) => l !== null);
  return lines.length ? lines : [line("Roles", "none assigned")];
}

/** The scope decision and, for a change request, its status, impact, requester and decision. */
export function scopeSection(board: BoardRecords, scope: ScopeDecision): Child[] {
  const decision =
    scope.decision === "in"
      ? badge("In scope", "green")
      : scope.decision === "out"
        ? badge("Out of scope", "red")
        : badge("Change request", "blue");
  const cr = scope.decision === "change" ? scope.change : undefined;
  if (!cr) return [line("Scope", decision), scope.boundary ? line("Boundary", scope.boundary) : null];
  const impact = [
    cr.impactDays !== undefined ? plural(cr.impactDays, "day") : null,
    cr.impactCost !== undefined ? money(cr.impactCost, cr.currency ?? "EUR") : null,
  ]
    .filter((part) => part !== null)
    .join(", ");
  return [
    line("Scope", decision, " ", badge(CHANGE_STATUS_LABELS[cr.status], CHANGE_STATUS_COLOURS[cr.status])),
    scope.boundary ? line("Boundary", scope.boundary) : null,
    line(
      "Change",
      `proposed ${cr.proposedOn}`,
      cr.requestedBy ? ` by ${stakeholderName(board, cr.requestedBy)}` : "",
      impact ? ` · impact ${impact}` : "",
    ),
    cr.status !== "proposed"
      ? line(
          CHANGE_STATUS_LABELS[cr.status],
          cr.decidedOn ? `on ${cr.decidedOn}` : "",
          cr.decidedBy ? ` by ${memberName(board, cr.decidedBy)}` : "",
          cr.rationale ? `: ${cr.rationale}` : "",
        )
      : null,
  ];
}

/** Stage, deliverable and the milestone's state. */
export function milestoneSection(board: BoardRecords, milestone: Milestone, cardId: string): Child[] {
  const state = milestoneSummary(milestone, board.today, { inDoneList: cardInDoneList(board, cardId) });
  return [line("Milestone", `${STAGE_LABELS[milestone.stage]} · ${milestone.deliverable}`), line("State", state)];
}

/** Number, amount, state and the milestone it bills. */
export function invoiceSection(board: BoardRecords, invoice: Invoice): Child[] {
  const status = invoiceStatus(invoice, board.today);
  return [
    line(
      "Invoice",
      `${invoice.number} · ${money(invoice.amount, invoice.currency)} · `,
      badge(INVOICE_STATUS_LABELS[status], INVOICE_STATUS_COLOURS[status]),
      status === "paid" ? ` on ${invoice.paidOn}` : ` due ${invoice.dueOn}`,
    ),
    invoice.milestone ? line("For milestone", cardName(board, invoice.milestone)) : null,
  ];
}

/** The sprint's dates, goal and committed cards. */
export function sprintSection(sprint: Sprint): Child[] {
  return [
    line(
      "Sprint",
      `${sprint.number}: ${sprint.start} to ${sprint.end} · ${plural(sprint.committed.length, "committed card")}`,
    ),
    sprint.goal ? line("Goal", sprint.goal) : null,
  ];
}

/** The sprint review in numbers, with the feedback's mood. */
export function reviewSection(review: SprintReview): Child[] {
  const mood = (["positive", "neutral", "negative"] as const)
    .map((s) => [s, review.feedback.filter((f) => f.sentiment === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  return [
    line(
      "Review",
      `held ${review.heldOn} · ${plural(review.attendees.length, "attendee")} · ${review.accepted.length} of ${plural(review.demoed.length, "demoed card")} accepted`,
    ),
    mood ? line("Feedback", mood) : null,
    review.decisions ? line("Decisions", review.decisions) : null,
    review.nextSteps ? line("Next steps", review.nextSteps) : null,
  ];
}
