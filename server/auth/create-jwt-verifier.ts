import { errors, importSPKI, jwtVerify, type KeyLike } from "jose";
import { z } from "zod";
import { AppError, ErrorCode } from "../http/app-error";
import { isWellFormedRs256Jwt } from "./is-well-formed-rs256-jwt";

export interface MemberClaims {
  idMember: string;
  idBoard: string;
  idPlugin: string;
  state?: string;
}

const claimsSchema = z.looseObject({
  idMember: z.string().min(1),
  idBoard: z.string().min(1),
  idPlugin: z.string().min(1),
  state: z.string().optional(),
});

export interface JwtVerifierOptions {
  /** Reads Trello's current public keys (PEM). */
  fetchKeys: () => Promise<string[]>;
  /** Tokens minted for another Power-Up are refused (config guarantees it outside the demo). */
  pluginId?: string;
  /** Keys are fetched at most this often (default 1 s), failed fetches included, so bad tokens cannot hammer Trello. */
  refetchAfterMs?: number;
  now?: () => number;
}

export type VerifyMemberJwt = (jwt: string, boardId: string) => Promise<MemberClaims>;

const notValid = () => new AppError(401, ErrorCode.JwtInvalid, "The Trello member token is not valid");

/**
 * Verifies a t.jwt token: RS256 signed by one of Trello's keys (tried in turn, cached, refetched when none
 * fits), `iss` "trello", not expired, minted on the board in the route and, if configured, for this Power-Up.
 */
export function createJwtVerifier(options: JwtVerifierOptions): VerifyMemberJwt {
  const now = options.now ?? Date.now;
  const refetchAfterMs = options.refetchAfterMs ?? 1_000;
  let keys: KeyLike[] = [];
  // When the last fetch started, whatever became of it: the once-per-interval rule counts attempts, not successes.
  let attemptedAt = -Infinity;
  let lastFailure: AppError | undefined;
  let inFlight: Promise<void> | undefined;

  // Concurrent requests share one fetch of the keys.
  function loadKeys(): Promise<void> {
    inFlight ??= fetchKeys().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function fetchKeys(): Promise<void> {
    attemptedAt = now();
    try {
      const pems = await options.fetchKeys();
      keys = await Promise.all(pems.map((pem) => importSPKI(pem, "RS256")));
      lastFailure = undefined;
    } catch (err) {
      lastFailure = new AppError(
        503,
        ErrorCode.TrelloUnavailable,
        `Trello's public keys could not be read to check the member token: ${(err as Error).message}`,
      );
      throw lastFailure;
    }
  }

  /** Loads keys if the interval allows; otherwise the keys in hand stand (or the last failure, when there are none). */
  async function refreshKeys(): Promise<boolean> {
    if (inFlight) return inFlight.then(() => true);
    if (now() - attemptedAt < refetchAfterMs) {
      if (keys.length === 0)
        throw lastFailure ?? new AppError(503, ErrorCode.TrelloUnavailable, "Trello's public keys are not loaded yet");
      return false;
    }
    await loadKeys();
    return true;
  }

  async function verifyWithKnownKeys(jwt: string): Promise<unknown | undefined> {
    for (const key of keys) {
      try {
        const { payload } = await jwtVerify(jwt, key, {
          algorithms: ["RS256"],
          issuer: "trello",
          requiredClaims: ["exp", "iat"],
        });
        return payload;
      } catch (err) {
        if (err instanceof errors.JWSSignatureVerificationFailed) continue;
        if (err instanceof errors.JWTExpired)
          throw new AppError(401, ErrorCode.JwtExpired, "The Trello member token has expired: reopen the Power-Up");
        throw notValid();
      }
    }
    return undefined;
  }

  return async (jwt, boardId) => {
    // Decided from the token alone, before any key is fetched: garbage must not reach Trello.
    if (!isWellFormedRs256Jwt(jwt)) throw notValid();
    if (keys.length === 0) await refreshKeys();
    let payload = await verifyWithKnownKeys(jwt);
    if (payload === undefined && (await refreshKeys())) payload = await verifyWithKnownKeys(jwt);
    if (payload === undefined)
      throw new AppError(401, ErrorCode.JwtInvalid, "The Trello member token is not signed by Trello");
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success)
      throw new AppError(401, ErrorCode.JwtInvalid, "The Trello member token lacks idMember, idBoard or idPlugin");
    if (claims.data.idBoard !== boardId) {
      throw new AppError(403, ErrorCode.WrongBoard, "The Trello member token was issued for another board");
    }
    if (options.pluginId && claims.data.idPlugin !== options.pluginId) {
      throw new AppError(403, ErrorCode.WrongPlugin, "The Trello member token was issued for another Power-Up");
    }
    return claims.data;
  };
}
