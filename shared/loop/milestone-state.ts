import { daysBetween } from "./calendar-day";
import type { Milestone } from "./milestone";

export type MilestoneStatus = "hit" | "missed" | "overdue" | "due-soon" | "upcoming";

export interface MilestoneState {
  status: MilestoneStatus;
  /** The due date moved later than first agreed. */
  slipped: boolean;
  /** Days from today to the due date (negative once past). */
  daysToDue: number;
}

/** Days ahead that count as "due soon". */
export const DUE_SOON_DAYS = 7;

/** Hit (done by the due date), missed (done late), overdue (past due, not done), due soon, or upcoming. */
export function milestoneState(milestone: Pick<Milestone, "due" | "baselineDue" | "doneOn">, today: string): MilestoneState {
  const slipped = milestone.due > milestone.baselineDue;
  const daysToDue = daysBetween(today, milestone.due);
  let status: MilestoneStatus;
  if (milestone.doneOn) status = milestone.doneOn <= milestone.due ? "hit" : "missed";
  else if (daysToDue < 0) status = "overdue";
  else status = daysToDue <= DUE_SOON_DAYS ? "due-soon" : "upcoming";
  return { status, slipped, daysToDue };
}
