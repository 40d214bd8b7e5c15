import { createHmac } from "node:crypto";

/** Signs a body as Trello does, written independently of the code under test. */
export function trelloSign(body: Buffer | string, callbackUrl: string, secret: string): string {
  const hmac = createHmac("sha1", secret);
  hmac.update(
    Buffer.concat([Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"), Buffer.from(callbackUrl, "utf8")]),
  );
  return hmac.digest("base64");
}
