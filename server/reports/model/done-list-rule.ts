import { isDoneList } from "../../../shared/is-done-list";

export interface DoneListSettings {
  /** Current list names by id; a list missing here is judged by the name the action carried. */
  listNames: Map<string, string | null>;
  /** The board's chosen done lists; null = decide by name. */
  doneListIds: string[] | null;
}

/**
 * Whether a list counts as done: one of the board's chosen lists, or else by DESIGN.md's name rule (shared/is-done-list).
 * Remembered per list and name: a month asks for each of its tens of thousands of actions, about a handful of lists.
 */
export function doneListRule(settings: DoneListSettings): (listId: string, nameInAction: string | null) => boolean {
  const known = new Map<string, Map<string | null, boolean>>();
  return (listId, nameInAction) => {
    const name = settings.listNames.get(listId) ?? nameInAction;
    let byName = known.get(listId);
    if (!byName) known.set(listId, (byName = new Map()));
    let done = byName.get(name);
    if (done === undefined) byName.set(name, (done = isDoneList({ id: listId, name }, settings.doneListIds)));
    return done;
  };
}
