import { randomBytes } from "node:crypto";
import { TokenUnreadableError } from "../../../server/auth/token-unreadable-error";
import { createTokenCipher } from "../../../server/auth/token-cipher";

describe("createTokenCipher", () => {
  const key = randomBytes(32);
  const cipher = createTokenCipher(key);

  it("round-trips a token and never stores it in the clear", () => {
    const token = "ATTA1234567890abcdefTOKEN";
    const sealed = cipher.encrypt(token);
    expect(sealed).not.toContain(token);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(cipher.decrypt(sealed)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(cipher.encrypt("same")).not.toBe(cipher.encrypt("same"));
  });

  it("refuses a sealed token that was altered, or opened with another key", () => {
    const sealed = cipher.encrypt("token-value");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(() => cipher.decrypt([...parts.slice(0, 3), body.toString("base64url")].join("."))).toThrow();
    expect(() => createTokenCipher(randomBytes(32)).decrypt(sealed)).toThrow(TokenUnreadableError);
    expect(() => cipher.decrypt("plain-token")).toThrow(TokenUnreadableError);
    const shortTag = [
      parts[0],
      parts[1],
      Buffer.from(parts[2]!, "base64url").subarray(0, 4).toString("base64url"),
      parts[3],
    ].join(".");
    expect(() => cipher.decrypt(shortTag)).toThrow(TokenUnreadableError);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => createTokenCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
