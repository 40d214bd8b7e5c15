import { isDoneList } from "../../shared/is-done-list";
import type { BoardSettings } from "../../shared/loop/board-settings";
import type { BoardRecords } from "./board-records";

/** The board's done lists: those chosen in the settings or, when none are chosen, those the name rule picks. */
export function doneListIds(settings: BoardSettings, lists: readonly { id: string; name: string }[]): Set<string> {
  return new Set(lists.filter((list) => isDoneList(list, settings.doneLists)).map((list) => list.id));
}

/** Whether a card of the board sits in one of its done lists. */
export function cardInDoneList(board: Pick<BoardRecords, "settings" | "lists" | "cards">, cardId: string): boolean {
  const idList = board.cards.find((card) => card.id === cardId)?.idList;
  return idList !== undefined && doneListIds(board.settings, board.lists).has(idList);
}
