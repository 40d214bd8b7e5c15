import type { BoardLoopData } from "../loop/board-loop-data";
import type { Store } from "../store/create-store";
import type { RecordVersion } from "../store/loop-history-store";
import type { BoardState } from "./board-state";

function parsed(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Every Loop record of a board as it stood at `state.atMs` (the board's state at that instant says when its cards
 * were created). A record's later versions hold from when they were seen; its first version holds from its card's
 * creation (a record first seen when the board was connected counted all along), and a board record's first version
 * from the board's start. A card that did not exist yet has no records, whatever was seen since.
 */
export function loopRecordsAt(store: Store, boardId: string, state: BoardState): BoardLoopData {
  const { seenBefore, firstSeenAfter } = store.loopHistory.versionsAround(boardId, new Date(state.atMs).toISOString());
  const heldFromCreation = (version: RecordVersion) => {
    if (version.idModel === boardId) return true;
    const card = state.cards.get(version.idModel);
    return card !== undefined && card.bornMs < state.atMs;
  };
  const data: BoardLoopData = { board: {}, cards: new Map() };
  for (const version of [...seenBefore, ...firstSeenAfter.filter(heldFromCreation)]) {
    const value = version.value === null ? undefined : parsed(version.value);
    if (value === undefined || value === null) continue;
    if (version.idModel === boardId) {
      data.board[version.key] = value;
    } else {
      const card = data.cards.get(version.idModel) ?? {};
      card[version.key] = value;
      data.cards.set(version.idModel, card);
    }
  }
  return data;
}
