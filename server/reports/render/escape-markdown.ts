/**
 * Escapes Markdown-significant characters (and line breaks) so a name renders as the literal text it is. Characters
 * that start markup anywhere are always escaped; list and heading markers only for text that begins a line.
 */
export function escapeMarkdown(text: string, options: { startsLine?: boolean } = {}): string {
  // Every line ending CommonMark knows (a lone \r too), and the Unicode line and paragraph separators.
  const inline = text.replace(/\r\n|[\r\n\u2028\u2029]/g, " ").replace(/[\\`*_[\]<>#|~&]/g, (char) => `\\${char}`);
  return options.startsLine === false ? inline : inline.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}
