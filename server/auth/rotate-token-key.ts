import type { Store } from "../store/create-store";
import type { TokenCipher } from "./token-cipher";
import { TokenUnreadableError } from "./token-unreadable-error";

export interface RotationResult {
  /** Secrets (member tokens and chat webhook URLs) opened with the old key and sealed again with the new one. */
  rotated: number;
  /** Secrets the new key already opens (a rotation run twice). */
  alreadyNew: number;
}

/** A token neither key opens: the rotation is refused whole, naming the board. */
export class RotationRefusedError extends Error {}

/**
 * Re-encrypts every stored member token and chat webhook URL from the old key to the new one in one transaction:
 * either every secret moves to the new key or none does, so a failure never leaves a database readable by neither key.
 */
export function rotateTokenKey(store: Store, from: TokenCipher, to: TokenCipher): RotationResult {
  const result: RotationResult = { rotated: 0, alreadyNew: 0 };
  const opens = (cipher: TokenCipher, sealed: string): string | undefined => {
    try {
      return cipher.decrypt(sealed);
    } catch (err) {
      if (err instanceof TokenUnreadableError) return undefined;
      throw err;
    }
  };
  store.db
    .transaction(() => {
      for (const connection of store.connections.all()) {
        const plain = opens(from, connection.tokenSealed);
        if (plain === undefined) {
          if (opens(to, connection.tokenSealed) !== undefined) {
            result.alreadyNew += 1;
            continue;
          }
          throw new RotationRefusedError(
            `The token of board ${connection.boardId} opens with neither key: nothing was changed`,
          );
        }
        store.connections.setSealedToken(connection.boardId, to.encrypt(plain));
        result.rotated += 1;
      }
      for (const webhook of store.chatWebhooks.allSealed()) {
        const plain = opens(from, webhook.urlSealed);
        if (plain === undefined) {
          if (opens(to, webhook.urlSealed) !== undefined) {
            result.alreadyNew += 1;
            continue;
          }
          throw new RotationRefusedError(
            `The chat webhook URL of card ${webhook.cardId} on board ${webhook.boardId} opens with neither key: nothing was changed`,
          );
        }
        store.chatWebhooks.setSealed(webhook.boardId, webhook.cardId, to.encrypt(plain));
        result.rotated += 1;
      }
    })
    .immediate();
  return result;
}
