import { createHash, randomBytes } from "node:crypto";

/**
 * Share links carry an opaque random token, not a signed JWT. Revocation, expiry changes and the opened-at record
 * need a stored row either way, and with the row in hand a signature adds nothing: 256 random bits cannot be guessed,
 * the URL stays short enough for any mail client, it says nothing about the board to whoever reads it, and no signing
 * key has to be kept or rotated. Only the token's SHA-256 is stored, so a copy of the database opens no report.
 */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** How a token is looked up (a fast hash is enough for 256 random bits: there is nothing to brute-force). */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A well-formed token: 32 bytes in base64url. Anything else is refused before touching the database. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
