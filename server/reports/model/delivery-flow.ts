import type { MonthPeriod } from "../../../shared/month-period";
import type { ActionSummary } from "../../store/actions-store";
import { isCardCreationType } from "../../trello/action-types";
import { cycleTimeDistribution, cycleTimeStats } from "./cycle-time-stats";
import { monthDays } from "./month-days";
import type { FlowSection } from "./report-model";

export interface FlowInput {
  period: MonthPeriod;
  /** The board's actions dated before the period's end, oldest first (each id once). */
  actions: ActionSummary[];
  /** Current list names by id (lists missing here are judged by the name the action carried). */
  listNames: Map<string, string | null>;
  /** Whether a list counts as done (the board's chosen lists, or the name rule). */
  isDone: (listId: string, nameInAction: string | null) => boolean;
}

interface CardState {
  /** The list the card was last put into; null until an action says. */
  listId: string | null;
  /** On this board and neither archived nor deleted. */
  open: boolean;
  /** When the card came into the board (its first creation action), else when it was first seen. */
  bornMs: number;
  hasCreation: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The month's delivery flow, replaying the board's history up to the month's end once (O(actions)).
 * `created` and `completed` are DESIGN.md's (the same numbers as the contract's `cards`); a card that enters
 * done, leaves and enters again counts once, at its first entry in the month, and sits in its latest list.
 * Open = on the board, not archived, not deleted: WIP leaves done lists out, the cumulative flow keeps them (its
 * done band), so WIP is the cumulative flow's last day without the done lists.
 */
export function buildDeliveryFlow(input: FlowInput): FlowSection {
  const { period, listNames, isDone } = input;
  const days = monthDays(period);
  const cards = new Map<string, CardState>();
  /** Open cards per list right now in the replay. */
  const openPerList = new Map<string, number>();
  /** Every list a card entered, in order of first appearance, with the latest name an action carried for it. */
  const carriedNames = new Map<string, string | null>();
  const firstDoneMs = new Map<string, number>();
  const cycleDays: number[] = [];
  const dayEnds: Map<string, number>[] = [];
  let created = 0;

  const shift = (listId: string | null, by: number): void => {
    if (listId !== null) openPerList.set(listId, (openPerList.get(listId) ?? 0) + by);
  };
  const place = (card: CardState, listId: string | null, open: boolean): void => {
    if (card.open) shift(card.listId, -1);
    card.listId = listId;
    card.open = open;
    if (open) shift(listId, +1);
  };

  for (const action of input.actions) {
    if (action.dateMs >= period.endMs) break;
    while (dayEnds.length < days.length && action.dateMs >= days[dayEnds.length].endMs) dayEnds.push(new Map(openPerList));
    const inMonth = action.dateMs >= period.startMs;
    const creation = isCardCreationType(action.type);
    if (inMonth && creation) created += 1;
    if (action.listAfterId !== null && (action.listAfterName !== null || !carriedNames.has(action.listAfterId))) {
      carriedNames.set(action.listAfterId, action.listAfterName);
    }
    if (action.cardId === null) continue;

    let card = cards.get(action.cardId);
    if (!card) {
      // A card first seen without its creation is on the board all the same; its list is unknown until it moves.
      card = { listId: null, open: true, bornMs: action.dateMs, hasCreation: false };
      cards.set(action.cardId, card);
    }
    if (creation) {
      if (!card.hasCreation) {
        card.bornMs = action.dateMs;
        card.hasCreation = true;
      }
      place(card, action.listAfterId ?? card.listId, true);
    } else if (action.type === "deleteCard" || action.type === "moveCardFromBoard") {
      place(card, card.listId, false);
    } else {
      if (action.listAfterId !== null) place(card, action.listAfterId, card.open);
      if (action.cardClosed != null) place(card, card.listId, !action.cardClosed);
    }

    // The same test as the contract's `cards.completed`, so the two numbers cannot drift apart.
    if (inMonth && action.listAfterId !== null && isDone(action.listAfterId, action.listAfterName) && !firstDoneMs.has(action.cardId)) {
      firstDoneMs.set(action.cardId, action.dateMs);
      cycleDays.push((action.dateMs - card.bornMs) / DAY_MS);
    }
  }
  while (dayEnds.length < days.length) dayEnds.push(new Map(openPerList));

  const nameOf = (listId: string): string => listNames.get(listId) ?? carriedNames.get(listId) ?? listId;
  // Lists that held an open card at some day's end, in the order they first appeared in the history.
  const shown = [...carriedNames.keys()].filter((listId) => dayEnds.some((counts) => (counts.get(listId) ?? 0) > 0));
  const monthEnd = dayEnds[dayEnds.length - 1];

  return {
    created,
    completed: firstDoneMs.size,
    throughputByWeek: weeklyThroughput(days, firstDoneMs.values()),
    cycleTimeDays: cycleTimeStats(cycleDays),
    cycleTimeDistribution: cycleTimeDistribution(cycleDays),
    wipAtMonthEnd: shown
      .filter((listId) => !isDone(listId, carriedNames.get(listId) ?? null))
      .map((listId) => ({ listId, listName: nameOf(listId), cards: monthEnd.get(listId) ?? 0 })),
    cumulativeFlow: days.map((day, index) => ({
      date: day.date,
      lists: shown.map((listId) => ({ listName: nameOf(listId), cards: dayEnds[index].get(listId) ?? 0 })),
    })),
  };
}

/** Completions per week: weeks start on Monday in the zone, the first one on the 1st (clipped to the month). */
function weeklyThroughput(days: ReturnType<typeof monthDays>, doneAt: Iterable<number>): FlowSection["throughputByWeek"] {
  const weeks = days.filter((day, index) => index === 0 || day.weekday === 1);
  const counts = weeks.map(() => 0);
  for (const ms of doneAt) {
    let week = weeks.length - 1;
    while (week > 0 && ms < weeks[week].startMs) week -= 1;
    counts[week] += 1;
  }
  return weeks.map((week, index) => ({ weekStart: week.date, completed: counts[index] }));
}
