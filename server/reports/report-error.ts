export type ReportErrorCode = "INVALID_MONTH" | "FUTURE_MONTH" | "INVALID_TIMEZONE" | "UNKNOWN_BOARD" | "UNSUPPORTED_FORMAT" | "INVALID_PARTY";

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
