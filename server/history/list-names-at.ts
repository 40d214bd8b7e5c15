import type { Store } from "../store/create-store";
import type { BoardState } from "./board-state";

/** A board's list names as of a state: the name its actions last carried, else today's (lists no action named). */
export function listNamesAt(store: Store, boardId: string, state: BoardState): Map<string, string | null> {
  const names = store.lists.namesByBoard(boardId);
  for (const [listId, list] of state.lists) if (list.name !== null || !names.has(listId)) names.set(listId, list.name);
  return names;
}
