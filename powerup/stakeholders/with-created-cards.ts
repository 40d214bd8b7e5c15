import type { LoopKey } from "../../shared/loop/loop-records";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import type { BoardCard, BoardRecords, CardRecords } from "../lib/board-records";
import { readScope } from "../lib/loop-data";

/**
 * The board with the cards this page created over REST added when the client's card list does not have them yet
 * (Trello's client learns of a REST change a moment later), so a new stakeholder is listed as soon as it is saved.
 */
export async function withCreatedCards(
  t: Trello.PowerUp.HostHandlers,
  board: BoardRecords,
  created: BoardCard[],
): Promise<BoardRecords> {
  const missing = created.filter((card) => !board.cards.some((c) => c.id === card.id));
  if (missing.length === 0) return board;
  const records = new Map(board.records);
  for (const card of missing) {
    const data = await readScope(t, card.id);
    const read: CardRecords = {};
    for (const key of ["stakeholder", "log"] as const satisfies LoopKey[]) {
      if (data[key] !== undefined) (read as Record<string, unknown>)[key] = readLoopRecord(key, data[key]);
    }
    records.set(card.id, read);
  }
  return { ...board, cards: [...board.cards, ...missing], records };
}
