export type DeliveryErrorCode =
  /** The message does not fit OutgoingMessage (the message names the field). */
  | "INVALID_MESSAGE"
  /** A client or partner message shows something only the team may see. */
  | "INTERNAL_CONTENT"
  /** The same idempotency key was used for a different message. */
  | "KEY_REUSED"
  /** The channel cannot be used: no SMTP configured, no webhook URL set for the stakeholder. */
  | "CHANNEL_NOT_CONFIGURED"
  /** The stakeholder cannot be sent to: their channel is one the PM uses in person (phone, meeting), or no address. */
  | "NOT_SENDABLE"
  /** A chat webhook URL that is not one of its platform's (or not https outside the demo). */
  | "INVALID_WEBHOOK_URL";

/** The HTTP status each code is answered with (the one error handler reads this table). */
export const DELIVERY_ERROR_STATUS: Record<DeliveryErrorCode, number> = {
  INVALID_MESSAGE: 400,
  INTERNAL_CONTENT: 422,
  KEY_REUSED: 409,
  CHANNEL_NOT_CONFIGURED: 409,
  NOT_SENDABLE: 409,
  INVALID_WEBHOOK_URL: 400,
};

/** A message the pipeline refuses; the message says what to change. */
export class DeliveryError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
