export type DeliveryErrorCode =
  /** The message does not fit OutgoingMessage (the message names the field). */
  | "INVALID_MESSAGE"
  /** A client or partner message shows something only the team may see. */
  | "INTERNAL_CONTENT"
  /** The same idempotency key was used for a different message. */
  | "KEY_REUSED"
  /** The channel cannot be used: no SMTP configured, no webhook URL set for the stakeholder. */
  | "CHANNEL_NOT_CONFIGURED";

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
