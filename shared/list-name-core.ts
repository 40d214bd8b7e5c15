// Whole emoji (RGI sequences: keycaps, flags, skin tones, ZWJ families), stray emoji parts and white space.
const EDGE = "(?:\\p{RGI_Emoji}|\\p{Extended_Pictographic}|[\\u200d\\ufe0e\\ufe0f\\u20e3]|\\s)+";
// eslint-disable-next-line no-misleading-character-class -- the joiner, selectors and keycap are matched alone on purpose
const EDGES = new RegExp(`^${EDGE}|${EDGE}$`, "gv");

/** A list's name as the name rules read it: lower case, without surrounding space and emoji ("✅ Done " → "done"). */
export function listNameCore(name: string): string {
  return name.replace(EDGES, "").toLowerCase();
}
