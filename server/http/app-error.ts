/** Stable error codes: clients and tests match on these, so never rename one. */
export const ErrorCode = {
  BadRequest: "BAD_REQUEST",
  InvalidJson: "INVALID_JSON",
  InvalidPayload: "INVALID_PAYLOAD",
  PayloadTooLarge: "PAYLOAD_TOO_LARGE",
  SignatureMissing: "SIGNATURE_MISSING",
  SignatureInvalid: "SIGNATURE_INVALID",
  WebhooksNotConfigured: "WEBHOOKS_NOT_CONFIGURED",
  StoreFailed: "STORE_FAILED",
  NotFound: "NOT_FOUND",
  Internal: "INTERNAL",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error that knows its HTTP status and stable code; the one error handler turns it into `{ error: { code, message } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}
