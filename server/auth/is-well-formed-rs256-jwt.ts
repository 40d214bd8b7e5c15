import { decodeJwt, decodeProtectedHeader } from "jose";

/** Three base64url parts, a JSON header saying RS256 and a JSON claims object: what a t.jwt token looks like. */
export function isWellFormedRs256Jwt(jwt: string): boolean {
  // Trello's tokens are around 1 KB; a far longer one is not theirs and is not worth decoding.
  if (jwt.length > 8_192 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(jwt)) return false;
  try {
    return decodeProtectedHeader(jwt).alg === "RS256" && typeof decodeJwt(jwt) === "object";
  } catch {
    return false;
  }
}
