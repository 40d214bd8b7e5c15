import { isDoneListName } from "./is-done-list-name";

/**
 * Whether a list is one of the board's done lists: one it chose in its settings or, when it chose none (empty or
 * null), one DESIGN.md's name rule picks. The one rule the service and the Power-Up both apply.
 */
export function isDoneList(
  list: { id: string; name: string | null | undefined },
  chosenIds: readonly string[] | null,
): boolean {
  return chosenIds && chosenIds.length > 0 ? chosenIds.includes(list.id) : isDoneListName(list.name);
}
