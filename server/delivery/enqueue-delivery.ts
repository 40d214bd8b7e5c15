import type { Store } from "../store/create-store";
import type { Delivery } from "../store/deliveries-store";
import { assertPartySafe } from "./assert-party-safe";
import { DeliveryError } from "./delivery-error";
import type { DeliveryStatus } from "./delivery-status";
import { outgoingMessageSchema, type OutgoingMessage } from "./outgoing-message";
import { storeMessage } from "./stored-message";

export interface EnqueueOptions {
  /** Who asked for it: a Trello member id, or a schedule's name. */
  createdBy: string;
  now?: Date;
  /** Tells the worker there is something to send now (it polls anyway). */
  wake?: () => void;
}

export interface EnqueuedDelivery {
  id: number;
  status: DeliveryStatus;
  /** False when the key was already known: nothing new was stored and nothing will be sent again. */
  created: boolean;
}

/**
 * Stores a message for the delivery worker, once per idempotency key: a second call with the same key returns the
 * first delivery (whatever its status) and sends nothing. Checks the message and, for a client or partner, that it
 * shows nothing internal. Throws DeliveryError.
 */
export function enqueueDelivery(
  store: Store,
  message: OutgoingMessage,
  { createdBy, now = new Date(), wake }: EnqueueOptions,
): EnqueuedDelivery {
  const parsed = outgoingMessageSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DeliveryError("INVALID_MESSAGE", `${issue.path.join(".") || "message"}: ${issue.message}`);
  }
  assertPartySafe(store, message);
  const { delivery, created } = store.deliveries.insert(
    {
      idempotencyKey: message.idempotencyKey,
      boardId: message.boardId,
      stakeholderCardId: message.stakeholderCardId ?? null,
      kind: message.kind,
      audience: message.audience,
      channel: message.channel,
      recipient: message.to,
      subject: message.subject,
      messageJson: storeMessage(message),
      createdBy,
    },
    now,
  );
  if (!created) assertSameMessage(delivery, message);
  else wake?.();
  return { id: delivery.id, status: delivery.status, created };
}

/** A key names one message: reusing it for another recipient or board is a caller's bug, not a duplicate. */
function assertSameMessage(stored: Delivery, message: OutgoingMessage): void {
  const same =
    stored.boardId === message.boardId &&
    stored.channel === message.channel &&
    stored.recipient === message.to &&
    stored.kind === message.kind;
  if (!same)
    throw new DeliveryError(
      "KEY_REUSED",
      `The idempotency key "${message.idempotencyKey}" was already used for another message`,
    );
}
