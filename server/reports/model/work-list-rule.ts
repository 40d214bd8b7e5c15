import { isNonWorkListName } from "../../../shared/is-non-work-list-name";

export interface WorkListSettings {
  /** The board's chosen workflow lists; null = decide by name and use. */
  workListIds: string[] | null;
  /** List names as of the month's end, by id. */
  listNames: ReadonlyMap<string, string | null>;
  /** Lists Loop's own cards fill (see loopListIds). */
  loopListIds: ReadonlySet<string>;
  isDone: (listId: string, nameInAction: string | null) => boolean;
}

/**
 * Whether a list is part of the board's workflow, the lists work in progress and the cumulative flow count: the
 * board's chosen lists (with its done lists, the flow's done band), or else every list but the ones Loop's own cards
 * fill, the Reports list and lists of work not started (Backlog and the like, shared/is-non-work-list-name.ts).
 */
export function workListRule(settings: WorkListSettings): (listId: string) => boolean {
  if (settings.workListIds) {
    const chosen = new Set(settings.workListIds);
    return (listId) => chosen.has(listId) || settings.isDone(listId, null);
  }
  return (listId) => !settings.loopListIds.has(listId) && !isNonWorkListName(settings.listNames.get(listId) ?? null);
}
