import { stringify } from "csv-stringify/sync";

// A text cell a spreadsheet would run as a formula (a name like "=HYPERLINK(...)") is prefixed with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: string | number | boolean | null | undefined): string {
  if (cell === undefined || cell === null) return "";
  if (typeof cell === "string" && FORMULA_START.test(cell)) return `'${cell}`;
  return String(cell);
}

/** One CSV document (header row first, RFC 4180 quoting, CRLF line ends); the only module importing csv-stringify. */
export function csvText(headers: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return stringify([headers, ...rows.map((row) => row.map(cellText))], {
    record_delimiter: "windows",
  });
}
