import { lowerBound, upperBound } from "./action-log";
import type { SimAction } from "./sim-model";

/** One entry of Trello's `filter` parameter: a type, optionally narrowed to a changed field (`updateCard:idList`). */
export interface ActionTypeFilter {
  type: string;
  field?: string;
}

export interface ActionQuery {
  /** Null means every type (`filter=all`). */
  filter: ActionTypeFilter[] | null;
  /** Only ids strictly below this one. */
  beforeId?: string;
  /** Only ids above this one (strictly, unless `inclusive`). */
  since?: { id: string; inclusive: boolean };
  limit: number;
}

/** Parses Trello's `filter` value: `all`, or a comma list of `type` / `type:field`. */
export function parseActionFilter(value: string): ActionTypeFilter[] | null {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0 || entries.includes("all")) return null;
  return entries.map((entry) => {
    const [type, field] = entry.split(":", 2) as [string, string | undefined];
    return field ? { type, field } : { type };
  });
}

function matches(action: SimAction, filter: ActionTypeFilter[] | null): boolean {
  if (filter === null) return true;
  return filter.some((entry) => {
    if (entry.type !== action.type) return false;
    if (!entry.field) return true;
    const old = action.data.old as Record<string, unknown> | undefined;
    return old !== undefined && entry.field in old;
  });
}

/** Newest first, like Trello: walks down from `beforeId` to `since`, keeping matching actions up to `limit`. */
export function queryActions(list: readonly SimAction[], query: ActionQuery): SimAction[] {
  const end = query.beforeId === undefined ? list.length : lowerBound(list, query.beforeId);
  let start = 0;
  if (query.since) start = query.since.inclusive ? lowerBound(list, query.since.id) : upperBound(list, query.since.id);
  const found: SimAction[] = [];
  for (let i = end - 1; i >= start && found.length < query.limit; i--) {
    const action = list[i]!;
    if (matches(action, query.filter)) found.push(action);
  }
  return found;
}
