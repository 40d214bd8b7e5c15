const DONE_PREFIXES = ["done", "complete", "finished", "shipped"];

// Whole emoji (RGI sequences: keycaps, flags, skin tones, ZWJ families), stray emoji parts and white space.
const EDGE = "(?:\\p{RGI_Emoji}|\\p{Extended_Pictographic}|[\\u200d\\ufe0e\\ufe0f\\u20e3]|\\s)+";
const EDGES = new RegExp(`^${EDGE}|${EDGE}$`, "gv");

/** The default rule for done lists: "Done", or a name starting with Done/Complete/Finished/Shipped, ignoring case, space and emoji. */
export function isDoneListName(name: string | null | undefined): boolean {
  if (!name) return false;
  const core = name.replace(EDGES, "").toLowerCase();
  return DONE_PREFIXES.some((prefix) => core.startsWith(prefix));
}
