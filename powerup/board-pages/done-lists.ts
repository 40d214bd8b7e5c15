import { isDoneListName } from "../../shared/is-done-list-name";
import type { BoardSettings } from "../../shared/loop/board-settings";

/** The board's done lists: those chosen in the settings or, when none are chosen, those the name rule picks. */
export function doneListIds(settings: BoardSettings, lists: readonly { id: string; name: string }[]): Set<string> {
  if (settings.doneLists.length) return new Set(settings.doneLists);
  return new Set(lists.filter((list) => isDoneListName(list.name)).map((list) => list.id));
}
