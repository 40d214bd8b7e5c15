const DONE_PREFIXES = ["done", "complete", "finished", "shipped"];

// Emoji and the joiners, selectors and modifiers that build them, plus white space, at either end of a name.
const EDGE = "[\\s\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u200d\\ufe0e\\ufe0f\\u20e3]+";
const EDGES = new RegExp(`^${EDGE}|${EDGE}$`, "gu");

/** The default rule for done lists: "Done", or a name starting with Done/Complete/Finished/Shipped, ignoring case, space and emoji. */
export function isDoneListName(name: string | null | undefined): boolean {
  if (!name) return false;
  const core = name.replace(EDGES, "").toLowerCase();
  return DONE_PREFIXES.some((prefix) => core.startsWith(prefix));
}
