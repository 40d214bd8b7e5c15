export type ReportErrorCode =
  | "INVALID_MONTH"
  | "FUTURE_MONTH"
  | "INVALID_TIMEZONE"
  | "UNKNOWN_BOARD"
  /** A month that ended before the board's first action: nothing to report. */
  | "BEFORE_HISTORY"
  | "UNSUPPORTED_FORMAT"
  /** A stored snapshot's model fails the model schema (or is not JSON). */
  | "SNAPSHOT_UNREADABLE"
  /** A stored snapshot's model is of a version that cannot be upgraded to the current one. */
  | "SNAPSHOT_VERSION_UNSUPPORTED"
  /** A client or partner report without a party to be for, or naming one the board does not have. */
  | "INVALID_PARTY";

/** A report request that cannot be answered as asked; the message says what to change. */
export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ReportError";
  }
}
