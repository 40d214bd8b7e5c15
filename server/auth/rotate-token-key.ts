import type { Store } from "../store/create-store";
import type { TokenCipher } from "./token-cipher";
import { TokenUnreadableError } from "./token-unreadable-error";

export interface RotationResult {
  /** Tokens opened with the old key and sealed again with the new one. */
  rotated: number;
  /** Tokens the new key already opens (a rotation run twice). */
  alreadyNew: number;
}

/** A token neither key opens: the rotation is refused whole, naming the board. */
export class RotationRefusedError extends Error {}

/**
 * Re-encrypts every stored member token from the old key to the new one in one transaction: either every token
 * moves to the new key or none does, so a failure never leaves a database readable by neither key.
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
  store.db.transaction(() => {
    for (const connection of store.connections.all()) {
      const plain = opens(from, connection.tokenSealed);
      if (plain === undefined) {
        if (opens(to, connection.tokenSealed) !== undefined) {
          result.alreadyNew += 1;
          continue;
        }
        throw new RotationRefusedError(`The token of board ${connection.boardId} opens with neither key: nothing was changed`);
      }
      store.connections.setSealedToken(connection.boardId, to.encrypt(plain));
      result.rotated += 1;
    }
  }).immediate();
  return result;
}
