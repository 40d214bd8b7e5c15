import { addDays } from "../../shared/loop/calendar-day";
import type { BoardRecords } from "../lib/board-records";
import type { SprintSummary } from "./sprint-summaries";

export interface SprintDefaults {
  number: number;
  start: string;
  end: string;
  /** A card named "Sprint N" not yet holding a plan, when the board has one. */
  cardId?: string;
}

/** The last day of a sprint of `days` days starting on `start` (the end is inclusive, so sprints tile). */
export function sprintEnd(start: string, days: number): string {
  return addDays(start, days - 1);
}

/** The name of the card a sprint lives on when the page creates it. */
export function sprintCardName(number: number): string {
  return `Sprint ${number}`;
}

/** What "Plan a sprint" starts from: the next number, the day after the last sprint (else today), the board's length. */
export function sprintDefaults(board: BoardRecords, sprints: readonly SprintSummary[]): SprintDefaults {
  const number = Math.max(0, ...sprints.map((s) => s.sprint.number)) + 1;
  const lastEnd = sprints
    .map((s) => s.sprint.end)
    .sort()
    .at(-1);
  const start = lastEnd ? addDays(lastEnd, 1) : board.today;
  const planned = new Set(sprints.map((s) => s.cardId));
  const wanted = sprintCardName(number).toLowerCase();
  const card = board.cards.find((c) => !planned.has(c.id) && c.name.trim().toLowerCase() === wanted);
  return { number, start, end: sprintEnd(start, board.settings.sprintDays), cardId: card?.id };
}
