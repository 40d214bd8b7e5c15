import { listNameCore } from "./list-name-core";

/** The list "Post to board" puts reports in. */
export const REPORTS_LIST_NAME = "Reports";

const NOT_WORK_PREFIXES = ["backlog", "icebox", "ideas", "someday", "inbox", "parking lot", "wishlist", "wish list"];

/** True for the Reports list Loop posts to ("Reports", ignoring case, space and emoji). */
export function isReportsListName(name: string | null | undefined): boolean {
  return !!name && listNameCore(name) === REPORTS_LIST_NAME.toLowerCase();
}

/**
 * The default rule for lists outside the workflow: the Reports list, and lists of work not started (a name starting
 * with Backlog, Icebox, Ideas, Someday, Inbox, Parking lot or Wishlist, ignoring case, space and emoji).
 */
export function isNonWorkListName(name: string | null | undefined): boolean {
  if (!name) return false;
  const core = listNameCore(name);
  return isReportsListName(name) || NOT_WORK_PREFIXES.some((prefix) => core.startsWith(prefix));
}
