import { DELIVERY_CHANNEL_LABELS } from "../../shared/loop/delivery-channel";
import type { TokenCipher } from "../auth/token-cipher";
import type { Store } from "../store/create-store";
import type { Delivery } from "../store/deliveries-store";
import type { TrelloClient } from "../trello/create-trello-client";

const KIND_WORDS: Record<Delivery["kind"], string> = {
  update: "Update",
  report: "Report",
  invitation: "Invitation",
  digest: "Digest",
};

/** The comment that records a send on the stakeholder's card: what, how and when, never the message itself. */
export function sendComment(delivery: Delivery): string {
  const to = delivery.channel === "email" ? ` to ${delivery.recipient}` : "";
  return `📤 ${KIND_WORDS[delivery.kind]} sent by ${DELIVERY_CHANNEL_LABELS[delivery.channel]}${to}: “${delivery.subject}” (Stakeholder Loop, delivery ${delivery.id}, ${delivery.sentAt})`;
}

/**
 * Records a sent delivery on its stakeholder's Trello card as a comment, with the connection's token (Trello's REST API
 * cannot write pluginData, so the card's log entry is written by the page that asked for the send).
 */
export function recordSendInTrello(deps: { store: Store; cipher: TokenCipher; trello: TrelloClient }) {
  return async (delivery: Delivery): Promise<void> => {
    if (!delivery.stakeholderCardId) return;
    const connection = deps.store.connections.get(delivery.boardId);
    if (!connection) return;
    await deps.trello.addComment(
      deps.cipher.decrypt(connection.tokenSealed),
      delivery.stakeholderCardId,
      sendComment(delivery),
    );
    deps.store.deliveries.markTrelloComment(delivery.id, new Date());
  };
}
