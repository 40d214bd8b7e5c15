import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";

/** Trello's t.jwt tokens live 900 s (exp − iat in Trello's own example). */
export const TRELLO_JWT_TTL_SECONDS = 900;

export interface MemberJwtInput {
  idMember: string;
  idBoard: string;
  /** Defaults to the simulator's Power-Up id. */
  idPlugin?: string;
  /** What the iframe passed to t.jwt({state}). */
  state?: string;
  /** Issued-at, in seconds since the epoch; defaults to now. */
  iat?: number;
  /** Mints a token that expired a minute ago, for tests of refusal. */
  expired?: boolean;
}

export interface JwtKeyRingOptions {
  /** RSA modulus length; Trello's published key is 4096 bits, 2048 keeps start-up fast. */
  modulusLength: number;
  pluginId: string;
  now: () => number;
}

interface SigningKey {
  privateKey: KeyObject;
  publicPem: string;
}

/**
 * The RS256 keys member JWTs are signed with. Trello serves its public keys as PEM strings and signs with one
 * of them (no `kid` in the header), so a verifier tries each; rotation adds a key and signs with the new one.
 */
export function createJwtKeyRing(options: JwtKeyRingOptions) {
  let keys: SigningKey[] = [];

  function generate(): SigningKey {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: options.modulusLength });
    return { privateKey, publicPem: (publicKey.export({ type: "spki", format: "pem" }) as string).trim() };
  }

  // Keys are made on first use: most simulators in tests never sign a JWT.
  function ring(): SigningKey[] {
    if (keys.length === 0) keys = [generate()];
    return keys;
  }

  /** The PEM public keys, oldest first, as GET /1/resource/jwt-public-keys lists them. */
  function publicKeys(): string[] {
    return ring().map((key) => key.publicPem);
  }

  /** Signs with a new key from now on; the old one stays published unless `keepPrevious` is false. */
  function rotate(rotation: { keepPrevious?: boolean } = {}): void {
    const next = generate();
    keys = rotation.keepPrevious === false ? [next] : [...ring(), next];
  }

  /** A member JWT as t.jwt returns it: iss "trello", idMember, idBoard, idPlugin, state, iat, exp = iat + 900. */
  async function mint(input: MemberJwtInput): Promise<string> {
    const nowSeconds = Math.floor(options.now() / 1000);
    const iat = input.iat ?? (input.expired ? nowSeconds - TRELLO_JWT_TTL_SECONDS - 60 : nowSeconds);
    const claims: Record<string, unknown> = {
      idPlugin: input.idPlugin ?? options.pluginId,
      idBoard: input.idBoard,
      idMember: input.idMember,
    };
    if (input.state !== undefined) claims.state = input.state;
    const signing = ring()[ring().length - 1]!;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", typ: "JWT" })
      .setIssuedAt(iat)
      .setExpirationTime(iat + TRELLO_JWT_TTL_SECONDS)
      .setIssuer("trello")
      .sign(signing.privateKey);
  }

  return { publicKeys, rotate, mint };
}
