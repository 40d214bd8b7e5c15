import { CHANGE_STATUSES, type ChangeStatus } from "../../../shared/loop/scope-decision";
import { validRecords, type LoopCard } from "./loop-card";
import { dayWithin, type ReportDays } from "./report-days";
import type { ScopeDecisionRow, ScopeSection } from "./report-model";

/** Cost without a currency is summed under ISO 4217's "no currency" code rather than dropped. */
export const NO_CURRENCY = "XXX";

/**
 * Every scope record as a row. A change request's status is the one in force on `asOf`: decided later, it was still
 * proposed then (and one proposed later is left out), so a past month reads as it stood.
 */
export function scopeRows(
  cards: readonly LoopCard[],
  stakeholderNames: Map<string, string>,
  asOf: string,
): ScopeDecisionRow[] {
  const rows: ScopeDecisionRow[] = [];
  for (const { card, value } of validRecords(cards, "scope")) {
    const base = {
      cardId: card.id,
      cardName: card.name,
      decision: value.decision,
      ...(value.boundary ? { boundary: value.boundary } : {}),
    };
    const cr = value.change;
    if (value.decision !== "change" || !cr) {
      rows.push(base);
      continue;
    }
    if (cr.proposedOn > asOf) continue;
    const decided = cr.status !== "proposed" && cr.decidedOn !== undefined && cr.decidedOn <= asOf;
    const requestedBy = cr.requestedBy ? (stakeholderNames.get(cr.requestedBy) ?? "Unknown stakeholder") : undefined;
    rows.push({
      ...base,
      status: decided ? cr.status : "proposed",
      ...(decided && cr.rationale ? { rationale: cr.rationale } : {}),
      ...(requestedBy ? { requestedBy } : {}),
      ...(decided ? { decidedOn: cr.decidedOn } : {}),
      ...(cr.impactDays !== undefined ? { impactDays: cr.impactDays } : {}),
      ...(cr.impactCost !== undefined ? { impactCost: cr.impactCost, currency: cr.currency ?? NO_CURRENCY } : {}),
    });
  }
  return rows.sort((a, b) => a.cardName.localeCompare(b.cardName));
}

function byStatus(changes: ScopeDecisionRow[], status: ChangeStatus): ScopeSection["changeRequests"][number] {
  const mine = changes.filter((c) => c.status === status);
  const cost = new Map<string, number>();
  // Summed in cents, as invoices are, so totals carry no floating-point dust.
  for (const c of mine)
    if (c.impactCost !== undefined)
      cost.set(c.currency!, (cost.get(c.currency!) ?? 0) + Math.round(c.impactCost * 100));
  return {
    status,
    count: mine.length,
    impactDays: mine.reduce((sum, c) => sum + (c.impactDays ?? 0), 0),
    impactCost: [...cost]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, cents]) => ({ currency, amount: cents / 100 })),
  };
}

/** Change requests decided in the month, every change request by status, work added, and what is out of scope. */
export function buildScopeSection(rows: readonly ScopeDecisionRow[], days: ReportDays): ScopeSection {
  const changes = rows.filter((r) => r.decision === "change");
  const decisions = changes.filter((r) => r.status !== "proposed" && dayWithin(r.decidedOn, days.first, days.last));
  const approved = decisions.filter((r) => r.status === "approved");
  return {
    decisions,
    changeRequests: CHANGE_STATUSES.map((status) => byStatus(changes, status)),
    added: { count: approved.length, impactDays: approved.reduce((sum, r) => sum + (r.impactDays ?? 0), 0) },
    outOfScope: rows.filter((r) => r.decision === "out"),
  };
}
