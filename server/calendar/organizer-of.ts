/** The ORGANIZER of an invitation from a From address ("Name <address>" or a bare address). */
export function organizerOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match
    ? { name: match[1]!.trim() || match[2]!, email: match[2]!.trim() }
    : { name: from.trim(), email: from.trim() };
}
