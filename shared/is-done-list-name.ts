import { listNameCore } from "./list-name-core";

const DONE_PREFIXES = ["done", "complete", "finished", "shipped"];

/** The default rule for done lists: "Done", or a name starting with Done/Complete/Finished/Shipped, ignoring case, space and emoji. */
export function isDoneListName(name: string | null | undefined): boolean {
  if (!name) return false;
  const core = listNameCore(name);
  return DONE_PREFIXES.some((prefix) => core.startsWith(prefix));
}
