import { isReportsListName } from "../../../shared/is-non-work-list-name";
import { isOpenCard, type BoardState } from "../../history/board-state";

/** Records only the cards Loop itself makes carry: a stakeholder's card, a sprint's card. */
const LOOP_CARD_KEYS = ["stakeholder", "sprint"] as const;

/**
 * The cards Loop itself made, which are not the team's work: stakeholder and sprint cards (a record in force at the
 * month's end) and the report cards in the Reports list. Their creation, completion and comments count nowhere in
 * the report, so a board without Loop data keeps exactly DESIGN.md's counts.
 */
export function loopOwnCardIds(
  recordsByCard: ReadonlyMap<string, Record<string, unknown>>,
  endState: BoardState,
  listNames: ReadonlyMap<string, string | null>,
): Set<string> {
  const own = new Set<string>();
  for (const [cardId, records] of recordsByCard) {
    if (LOOP_CARD_KEYS.some((key) => records[key] !== undefined)) own.add(cardId);
  }
  for (const [cardId, card] of endState.cards) {
    if (card.listId !== null && isReportsListName(listNames.get(card.listId) ?? null)) own.add(cardId);
  }
  return own;
}

/**
 * The lists that by default are not workflow lists because Loop's own cards fill them (the Stakeholders list):
 * lists where, at the month's end, most open cards are Loop's. A sprint card parked in "Doing" leaves Doing a work list.
 */
export function loopListIds(endState: BoardState, own: ReadonlySet<string>): Set<string> {
  const counts = new Map<string, { own: number; other: number }>();
  for (const [cardId, card] of endState.cards) {
    if (!isOpenCard(card) || card.listId === null) continue;
    const count = counts.get(card.listId) ?? { own: 0, other: 0 };
    if (own.has(cardId)) count.own += 1;
    else count.other += 1;
    counts.set(card.listId, count);
  }
  return new Set([...counts].filter(([, count]) => count.own > count.other).map(([listId]) => listId));
}
