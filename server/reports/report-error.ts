export type ReportErrorCode = "INVALID_MONTH" | "FUTURE_MONTH" | "INVALID_TIMEZONE" | "UNKNOWN_BOARD" | "BEFORE_HISTORY" | "UNSUPPORTED_FORMAT";

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
