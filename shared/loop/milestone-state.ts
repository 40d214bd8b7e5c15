import { daysBetween } from "./calendar-day";
import type { Milestone } from "./milestone";

export type MilestoneStatus = "hit" | "missed" | "done" | "overdue" | "due-soon" | "upcoming";

export interface MilestoneState {
  status: MilestoneStatus;
  /** The day it was done (see milestoneDoneOn), when known. */
  doneOn?: string;
  /** The due date moved later than first agreed. */
  slipped: boolean;
  /** Days from today to the due date (negative once past). */
  daysToDue: number;
}

/** Where a milestone's card stands: in one of the board's done lists or not, and since which day when that is known. */
export interface MilestoneCardPlace {
  inDoneList: boolean;
  /** The day (board's zone) the card last entered the done list it sits in; the Power-Up reads no history, so none. */
  enteredDoneOn?: string;
}

/** Days ahead that count as "due soon". */
export const DUE_SOON_DAYS = 7;

type MilestoneDates = Pick<Milestone, "due" | "baselineDue" | "doneOn">;

/** The day a milestone was done: the done date set on it, else the day its card entered a done list. */
export function milestoneDoneOn(milestone: MilestoneDates, place?: MilestoneCardPlace): string | undefined {
  return milestone.doneOn ?? (place?.inDoneList ? place.enteredDoneOn : undefined);
}

/**
 * Hit (done by the due date), missed (done late), done (its card sits in a done list since a day not known here, past
 * the due date), overdue (past due, not done), due soon, or upcoming. A card in a done list is never overdue.
 */
export function milestoneState(milestone: MilestoneDates, today: string, place?: MilestoneCardPlace): MilestoneState {
  const slipped = milestone.due > milestone.baselineDue;
  const daysToDue = daysBetween(today, milestone.due);
  const doneOn = milestoneDoneOn(milestone, place);
  let status: MilestoneStatus;
  if (doneOn) status = doneOn <= milestone.due ? "hit" : "missed";
  // Not yet past due, so whenever the card entered the done list, it was by the due date.
  else if (place?.inDoneList) status = daysToDue >= 0 ? "hit" : "done";
  else if (daysToDue < 0) status = "overdue";
  else status = daysToDue <= DUE_SOON_DAYS ? "due-soon" : "upcoming";
  return { status, ...(doneOn ? { doneOn } : {}), slipped, daysToDue };
}
