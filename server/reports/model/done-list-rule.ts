import { isDoneList } from "../../../shared/is-done-list";

export interface DoneListSettings {
  /** Current list names by id; a list missing here is judged by the name the action carried. */
  listNames: Map<string, string | null>;
  /** The board's chosen done lists; null = decide by name. */
  doneListIds: string[] | null;
}

/** Whether a list counts as done: one of the board's chosen lists, or else by DESIGN.md's name rule (shared/is-done-list). */
export function doneListRule(settings: DoneListSettings): (listId: string, nameInAction: string | null) => boolean {
  return (listId, nameInAction) => isDoneList({ id: listId, name: settings.listNames.get(listId) ?? nameInAction }, settings.doneListIds);
}
