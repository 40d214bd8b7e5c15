import type { MilestonesSection, NextMonthSection, ScopeDecisionRow } from "./report-model";
import { sprintsStarting } from "./sprints-section";
import type { LoopCard } from "./loop-card";
import type { ReportDays } from "./report-days";

/** What comes next: milestones due next month, sprints starting then, change requests still awaiting a decision. */
export function buildNextMonthSection(
  milestones: MilestonesSection,
  cards: readonly LoopCard[],
  scopeRows: readonly ScopeDecisionRow[],
  days: ReportDays,
): NextMonthSection {
  return {
    milestonesDue: milestones.dueNextMonth,
    sprintsPlanned: sprintsStarting(cards, days.nextFirst, days.nextLast).map(({ cardId, value }) => ({
      cardId,
      number: value.number,
      start: value.start,
      end: value.end,
      ...(value.goal ? { goal: value.goal } : {}),
    })),
    openChangeRequests: scopeRows.filter((r) => r.decision === "change" && r.status === "proposed"),
  };
}
