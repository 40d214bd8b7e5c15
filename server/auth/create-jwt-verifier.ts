import { errors, importSPKI, jwtVerify, type KeyLike } from "jose";
import { z } from "zod";
import { AppError, ErrorCode } from "../http/app-error";

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
  /** When set, tokens minted for another Power-Up are refused. */
  pluginId?: string;
  /** Unknown keys trigger a refetch at most this often (default 1 s), so bad tokens cannot hammer Trello. */
  refetchAfterMs?: number;
  now?: () => number;
}

export type VerifyMemberJwt = (jwt: string, boardId: string) => Promise<MemberClaims>;

/**
 * Verifies a t.jwt token: RS256 signed by one of Trello's keys (tried in turn, cached, refetched when none
 * fits), `iss` "trello", not expired, minted on the board in the route and, if configured, for this Power-Up.
 */
export function createJwtVerifier(options: JwtVerifierOptions): VerifyMemberJwt {
  const now = options.now ?? Date.now;
  const refetchAfterMs = options.refetchAfterMs ?? 1_000;
  let keys: KeyLike[] = [];
  let fetchedAt = -Infinity;
  let inFlight: Promise<void> | undefined;

  // Concurrent first requests share one fetch of the keys.
  function loadKeys(): Promise<void> {
    inFlight ??= fetchKeys().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function fetchKeys(): Promise<void> {
    const pems = await options.fetchKeys().catch((err: unknown) => {
      throw new AppError(503, ErrorCode.TrelloUnavailable, `Trello's public keys could not be read to check the member token: ${(err as Error).message}`);
    });
    keys = await Promise.all(pems.map((pem) => importSPKI(pem, "RS256")));
    fetchedAt = now();
  }

  async function verifyWithKnownKeys(jwt: string): Promise<unknown | undefined> {
    for (const key of keys) {
      try {
        const { payload } = await jwtVerify(jwt, key, { algorithms: ["RS256"], issuer: "trello", requiredClaims: ["exp", "iat"] });
        return payload;
      } catch (err) {
        if (err instanceof errors.JWSSignatureVerificationFailed) continue;
        if (err instanceof errors.JWTExpired) throw new AppError(401, ErrorCode.JwtExpired, "The Trello member token has expired: reopen the Power-Up");
        throw new AppError(401, ErrorCode.JwtInvalid, "The Trello member token is not valid");
      }
    }
    return undefined;
  }

  return async (jwt, boardId) => {
    if (keys.length === 0) await loadKeys();
    let payload = await verifyWithKnownKeys(jwt);
    if (payload === undefined && now() - fetchedAt >= refetchAfterMs) {
      await loadKeys();
      payload = await verifyWithKnownKeys(jwt);
    }
    if (payload === undefined) throw new AppError(401, ErrorCode.JwtInvalid, "The Trello member token is not signed by Trello");
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError(401, ErrorCode.JwtInvalid, "The Trello member token lacks idMember, idBoard or idPlugin");
    if (claims.data.idBoard !== boardId) {
      throw new AppError(403, ErrorCode.WrongBoard, "The Trello member token was issued for another board");
    }
    if (options.pluginId && claims.data.idPlugin !== options.pluginId) {
      throw new AppError(403, ErrorCode.WrongPlugin, "The Trello member token was issued for another Power-Up");
    }
    return claims.data;
  };
}
