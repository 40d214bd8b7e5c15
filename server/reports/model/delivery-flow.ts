import type { MonthPeriod } from "../../../shared/month-period";
import { copyCardState, copyListStates, isOpenCard, type BoardState } from "../../history/board-state";
import { applyAction } from "../../history/replay-actions";
import type { ActionSummary } from "../../store/actions-store";
import { isCardCreationType } from "../../trello/action-types";
import { cycleTimeDistribution } from "./cycle-time-distribution";
import { cycleTimeStats } from "./cycle-time-stats";
import { monthDays } from "./month-days";
import type { FlowSection } from "./report-model";

export interface FlowInput {
  period: MonthPeriod;
  /** The board at the period's start. */
  startState: BoardState;
  /** The period's own actions, oldest first (each id once). */
  actions: readonly ActionSummary[];
  /** List names as of the period's end, by id (a list missing here is shown by its id). */
  listNames: Map<string, string | null>;
  /** Whether a list counts as done (the board's chosen lists, or the name rule). */
  isDone: (listId: string, nameInAction: string | null) => boolean;
  /** Whether a list is one of the board's workflow lists (the only ones work in progress and the flow count). */
  isWorkList: (listId: string) => boolean;
  /** Cards that are not the team's work (Loop's own): left out of every figure. */
  excludedCardIds: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;

/**
 * The month's delivery flow: the board's state at the month's start, then the month's actions replayed once.
 * `created` and `completed` are DESIGN.md's (the same numbers as the contract's `cards`); a card that enters done,
 * leaves and enters again counts once, at its first entry in the month, and sits in its latest list. Cycle time runs
 * from the card's birth (its creation, else its first action). Open = on the board, not archived, not deleted: WIP
 * leaves done lists out, the cumulative flow keeps them (its done band), so WIP is the flow's last day without them.
 */
export function buildDeliveryFlow(input: FlowInput): FlowSection {
  const { period, listNames, isDone, excludedCardIds } = input;
  const days = monthDays(period);
  // The replay's own copy of the board holds only the cards the month touches, copied from the start on first touch:
  // a busy month touches a fraction of a long-lived board's cards.
  const start = input.startState;
  const state: BoardState = { atMs: start.atMs, cards: new Map(), lists: copyListStates(start.lists) };
  /** Open cards per list right now in the replay. */
  const openPerList = new Map<string, number>();
  const shift = (listId: string | null, by: number): void => {
    if (listId !== null) openPerList.set(listId, (openPerList.get(listId) ?? 0) + by);
  };
  for (const [cardId, card] of start.cards)
    if (isOpenCard(card) && !excludedCardIds.has(cardId)) shift(card.listId, +1);
  const firstDoneMs = new Map<string, number>();
  const cycleDays: number[] = [];
  const dayEnds: Map<string, number>[] = [];
  let created = 0;

  for (const action of input.actions) {
    if (action.dateMs >= period.endMs) break;
    while (dayEnds.length < days.length && action.dateMs >= days[dayEnds.length].endMs)
      dayEnds.push(new Map(openPerList));
    const counted = action.cardId === null || !excludedCardIds.has(action.cardId);
    if (action.cardId !== null && !state.cards.has(action.cardId)) {
      const atStart = start.cards.get(action.cardId);
      if (atStart) state.cards.set(action.cardId, copyCardState(atStart));
    }
    const before = action.cardId === null ? undefined : state.cards.get(action.cardId);
    const wasOpenIn = before && isOpenCard(before) ? before.listId : null;
    applyAction(state, action);
    if (!counted || action.cardId === null) continue;
    if (isCardCreationType(action.type)) created += 1;
    const card = state.cards.get(action.cardId)!;
    const nowOpenIn = isOpenCard(card) ? card.listId : null;
    if (wasOpenIn !== nowOpenIn) {
      shift(wasOpenIn, -1);
      shift(nowOpenIn, +1);
    }
    // The same test as the contract's `cards.completed`, so the two numbers cannot drift apart.
    if (
      action.listAfterId !== null &&
      isDone(action.listAfterId, action.listAfterName) &&
      !firstDoneMs.has(action.cardId)
    ) {
      firstDoneMs.set(action.cardId, action.dateMs);
      cycleDays.push((action.dateMs - card.bornMs) / DAY_MS);
    }
  }
  while (dayEnds.length < days.length) dayEnds.push(new Map(openPerList));

  const nameOf = (listId: string): string => listNames.get(listId) ?? state.lists.get(listId)?.name ?? listId;
  // Workflow lists that held an open card at some day's end, in the order they first appeared in the history.
  const shown = [...state.lists.keys()].filter(
    (listId) => input.isWorkList(listId) && dayEnds.some((counts) => (counts.get(listId) ?? 0) > 0),
  );
  const monthEnd = dayEnds[dayEnds.length - 1];

  return {
    created,
    completed: firstDoneMs.size,
    throughputByWeek: weeklyThroughput(days, firstDoneMs.values()),
    cycleTimeDays: cycleTimeStats(cycleDays),
    cycleTimeDistribution: cycleTimeDistribution(cycleDays),
    wipAtMonthEnd: shown
      .filter((listId) => !isDone(listId, nameOf(listId)))
      .map((listId) => ({ listId, listName: nameOf(listId), cards: monthEnd.get(listId) ?? 0 })),
    cumulativeFlow: days.map((day, index) => ({
      date: day.date,
      lists: shown.map((listId) => ({ listName: nameOf(listId), cards: dayEnds[index].get(listId) ?? 0 })),
    })),
  };
}

/** Completions per week: weeks start on Monday in the zone, the first one on the 1st (clipped to the month). */
function weeklyThroughput(
  days: ReturnType<typeof monthDays>,
  doneAt: Iterable<number>,
): FlowSection["throughputByWeek"] {
  const weeks = days.filter((day, index) => index === 0 || day.weekday === 1);
  const counts = weeks.map(() => 0);
  for (const ms of doneAt) {
    let week = weeks.length - 1;
    while (week > 0 && ms < weeks[week].startMs) week -= 1;
    counts[week] += 1;
  }
  return weeks.map((week, index) => ({ weekStart: week.date, completed: counts[index] }));
}
