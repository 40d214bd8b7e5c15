import type { TokenCipher } from "../auth/token-cipher";
import type { Store } from "../store/create-store";
import type { Delivery } from "../store/deliveries-store";

/** Where a delivery goes now: its email address, or the stakeholder's chat webhook URL opened from the store. */
export function resolveRecipient(
  store: Store,
  cipher: TokenCipher | undefined,
  delivery: Delivery,
): { ok: true; to: string } | { ok: false; reason: string } {
  if (delivery.channel === "email") return { ok: true, to: delivery.recipient };
  const sealed = store.chatWebhooks.getSealed(delivery.boardId, delivery.recipient);
  if (!sealed) return { ok: false, reason: "no chat webhook URL is set for this stakeholder" };
  if (!cipher) return { ok: false, reason: "the service has no TOKEN_ENCRYPTION_KEY to open the stored webhook URL" };
  try {
    return { ok: true, to: cipher.decrypt(sealed) };
  } catch {
    return { ok: false, reason: "the stored webhook URL cannot be decrypted with the current key: set it again" };
  }
}
