import { createHmac, timingSafeEqual } from "node:crypto";

export interface SignedDelivery {
  /** The request body exactly as received (bytes, or a string taken as UTF-8). */
  body: unknown;
  /** The callback URL exactly as it was registered with Trello. */
  callbackUrl: unknown;
  secret: unknown;
  /** The X-Trello-Webhook header value. */
  signature: unknown;
}

/** Trello's signature: base64(HMAC-SHA1(secret, body bytes + callback URL as UTF-8)). */
export function computeTrelloSignature(body: Buffer | string, callbackUrl: string, secret: string): string {
  return createHmac("sha1", secret)
    .update(typeof body === "string" ? Buffer.from(body, "utf8") : body)
    .update(Buffer.from(callbackUrl, "utf8"))
    .digest("base64");
}

/** Checks an X-Trello-Webhook signature in constant time; any missing or ill-typed input is simply not verified. */
export function verifyTrelloSignature({ body, callbackUrl, secret, signature }: SignedDelivery): boolean {
  if (typeof signature !== "string" || typeof callbackUrl !== "string" || typeof secret !== "string") return false;
  if (secret === "" || callbackUrl === "") return false;
  if (!Buffer.isBuffer(body) && typeof body !== "string") return false;
  const expected = Buffer.from(computeTrelloSignature(body, callbackUrl, secret), "utf8");
  const given = Buffer.from(signature, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
