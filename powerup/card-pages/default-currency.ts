import type { BoardRecords } from "../lib/board-records";

/** The currency of the board's most recently issued invoice, else EUR: what a PM most likely bills in next. */
export function defaultCurrency(board: BoardRecords): string {
  let latest: { issuedOn: string; currency: string } | undefined;
  for (const records of board.records.values()) {
    const invoice = records.invoice;
    if (invoice?.status === "ok" && (!latest || invoice.value.issuedOn > latest.issuedOn)) latest = invoice.value;
  }
  return latest?.currency ?? "EUR";
}
