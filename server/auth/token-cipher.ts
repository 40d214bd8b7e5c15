import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { TokenUnreadableError } from "./token-unreadable-error";

const VERSION = "v1";

export interface TokenCipher {
  encrypt(plain: string): string;
  /** Opens a sealed token; throws TokenUnreadableError when this key cannot (another key, or damaged). */
  decrypt(sealed: string): string;
}

/** AES-256-GCM for member tokens at rest: "v1.<iv>.<tag>.<ciphertext>" (base64url), a fresh IV each time. */
export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new RangeError("the token encryption key must be 32 bytes");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new TokenUnreadableError();
      const authTag = Buffer.from(tag, "base64url");
      // A short tag would make forgery cheap: only the full 16 bytes are accepted.
      if (authTag.length !== 16) throw new TokenUnreadableError();
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
        decipher.setAuthTag(authTag);
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        // OpenSSL's "unable to authenticate data" says nothing a person can act on.
        throw new TokenUnreadableError();
      }
    },
  };
}
