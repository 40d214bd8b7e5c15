import type { Sprint } from "../../../shared/loop/sprint";
import type { BoardState } from "../../history/board-state";
import type { ActionSummary } from "../../store/actions-store";
import { validRecords, type LoopCard } from "./loop-card";
import { endOfDayMs, type ReportDays } from "./report-days";
import type { SprintRow } from "./report-model";

export interface SprintsInput {
  cards: readonly LoopCard[];
  /** The board at the period's start. */
  startState: BoardState;
  /** The period's own actions, oldest first. */
  actions: readonly ActionSummary[];
  isDone: (listId: string, nameInAction: string | null) => boolean;
  days: ReportDays;
  periodEndMs: number;
  /** Stakeholder names by their card id (feedback names a stakeholder card). */
  stakeholderNames: Map<string, string>;
  /** Feedback kept only from these stakeholder cards (a party's copy shows its own people's words); all when absent. */
  feedbackFrom?: ReadonlySet<string>;
}

/** Each card's moves into a list, oldest first: where a card was at any instant is the last move before it. */
function movesByCard(actions: readonly ActionSummary[]): Map<string, ActionSummary[]> {
  const moves = new Map<string, ActionSummary[]>();
  for (const action of actions) {
    if (!action.cardId || !action.listAfterId) continue;
    const list = moves.get(action.cardId);
    if (list) list.push(action);
    else moves.set(action.cardId, [action]);
  }
  return moves;
}

/** Whether a card sat in a done list at `atMs` (within the period): its last move before then, else where the period found it. */
function doneAt(cardId: string, moves: ActionSummary[] | undefined, atMs: number, input: SprintsInput): boolean {
  const last = moves?.filter((m) => m.dateMs < atMs).at(-1);
  if (last) return input.isDone(last.listAfterId!, last.listAfterName);
  const listId = input.startState.cards.get(cardId)?.listId;
  return !!listId && input.isDone(listId, input.startState.lists.get(listId)?.name ?? null);
}

/**
 * Sprints overlapping the month, or reviewed in it: committed, completed (in a done list at the sprint's end or the
 * month's), carried over, and the review if it was held by the day the month is judged on.
 */
export function buildSprintsSection(input: SprintsInput): SprintRow[] {
  const { days } = input;
  const moves = movesByCard(input.actions);
  // A review held after the day the month is judged on had not happened then, whenever its record was first seen.
  const reviews = new Map(
    validRecords(input.cards, "review")
      .filter(({ value }) => value.heldOn <= days.asOf)
      .map(({ card, value }) => [card.id, value]),
  );
  // A sprint ending on the month's eve can be reviewed in it: its review is this month's news.
  const reviewedInMonth = (cardId: string) => (reviews.get(cardId)?.heldOn ?? "") >= days.first;
  return validRecords(input.cards, "sprint")
    .filter(({ card, value }) => (value.start <= days.last && value.end >= days.first) || reviewedInMonth(card.id))
    .sort((a, b) => a.value.start.localeCompare(b.value.start) || a.value.number - b.value.number)
    .map(({ card, value }) => {
      const cutoffMs = Math.min(endOfDayMs(value.end, days.timeZone), input.periodEndMs);
      const completed = value.committed.filter((id) => doneAt(id, moves.get(id), cutoffMs, input)).length;
      const ended = value.end <= days.endedBy;
      const review = reviews.get(card.id);
      return {
        cardId: card.id,
        number: value.number,
        start: value.start,
        end: value.end,
        ...(value.goal ? { goal: value.goal } : {}),
        committed: value.committed.length,
        completed,
        carriedOver: ended ? value.committed.length - completed : 0,
        ...(review
          ? {
              review: {
                heldOn: review.heldOn,
                demoed: review.demoed.length,
                accepted: review.accepted.length,
                feedback: review.feedback
                  .filter((f) => !input.feedbackFrom || input.feedbackFrom.has(f.by))
                  .map((f) => ({
                    stakeholder: input.stakeholderNames.get(f.by) ?? "Unknown stakeholder",
                    sentiment: f.sentiment,
                    ...(f.note ? { note: f.note } : {}),
                  })),
                ...(review.decisions ? { decisions: review.decisions } : {}),
                ...(review.nextSteps ? { nextSteps: review.nextSteps } : {}),
              },
            }
          : {}),
      };
    });
}

/** Sprints starting next month, for the look ahead. */
export function sprintsStarting(
  cards: readonly LoopCard[],
  from: string,
  to: string,
): { cardId: string; value: Sprint }[] {
  return validRecords(cards, "sprint")
    .filter(({ value }) => value.start >= from && value.start <= to)
    .map(({ card, value }) => ({ cardId: card.id, value }))
    .sort((a, b) => a.value.start.localeCompare(b.value.start));
}
