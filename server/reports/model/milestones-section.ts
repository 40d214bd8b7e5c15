import { calendarDay, daysBetween } from "../../../shared/loop/calendar-day";
import { STAGES } from "../../../shared/loop/milestone";
import { milestoneDoneOn } from "../../../shared/loop/milestone-state";
import { validRecords, type LoopCard } from "./loop-card";
import { dayWithin, type ReportDays } from "./report-days";
import type { MilestoneRow, MilestonesSection } from "./report-model";

/**
 * Every valid milestone on the board as report rows, by due date. A milestone is done on its done date or, when none
 * was set, on the day (in `timeZone`, the board's) its card entered the done list it sits in.
 */
export function milestoneRows(cards: readonly LoopCard[], timeZone: string): MilestoneRow[] {
  return validRecords(cards, "milestone")
    .map(({ card, value }) => {
      const enteredDoneOn =
        card.enteredDoneMs === undefined ? undefined : calendarDay(new Date(card.enteredDoneMs), timeZone);
      const doneOn = milestoneDoneOn(value, { inDoneList: enteredDoneOn !== undefined, enteredDoneOn });
      return {
        cardId: card.id,
        cardName: card.name,
        stage: value.stage,
        deliverable: value.deliverable,
        due: value.due,
        baselineDue: value.baselineDue,
        ...(doneOn ? { doneOn } : {}),
        slippedDays: Math.max(0, daysBetween(value.baselineDue, value.due)),
      };
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.cardName.localeCompare(b.cardName));
}

/** Milestones hit, missed and slipped in the month, due next month, and per stage (report-model.ts defines each). */
export function buildMilestonesSection(rows: readonly MilestoneRow[], days: ReportDays): MilestonesSection {
  const doneOnTime = (m: MilestoneRow) => m.doneOn !== undefined && m.doneOn <= m.due;
  // Done as of the day the month is judged on: a milestone done after that was still open then.
  const doneBy = (m: MilestoneRow, day: string) => m.doneOn !== undefined && m.doneOn <= day;
  return {
    hit: rows.filter((m) => doneOnTime(m) && dayWithin(m.doneOn, days.first, days.asOf)),
    // A due day still ahead in the running month is not missed yet.
    missed: rows.filter((m) => dayWithin(m.due, days.first, days.endedBy) && !doneOnTime(m)),
    slipped: rows.filter((m) => m.slippedDays > 0 && m.due >= days.first),
    dueNextMonth: rows.filter((m) => dayWithin(m.due, days.nextFirst, days.nextLast) && !doneBy(m, days.asOf)),
    stages: STAGES.map((stage) => {
      const inStage = rows.filter((m) => m.stage === stage);
      return { stage, total: inStage.length, done: inStage.filter((m) => doneBy(m, days.asOf)).length };
    }),
  };
}
