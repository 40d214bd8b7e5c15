import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from "jose";
import { createJwtVerifier } from "../../../server/auth/create-jwt-verifier";
import { AppError } from "../../../server/http/app-error";

const BOARD = "5e93ba98614ac22d22f085c4";
const PLUGIN = "5e66784c606cb1160a8f5dc0";

async function keyPair() {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048 });
  return { privateKey, pem: await exportSPKI(publicKey) };
}

function sign(
  key: KeyLike,
  claims: Record<string, unknown> = {},
  options: { iss?: string; exp?: number | null; iat?: number } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ idMember: "5e645dc2c4205e1416218404", idBoard: BOARD, idPlugin: PLUGIN, ...claims })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuedAt(options.iat ?? now)
    .setIssuer(options.iss ?? "trello");
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now + 900);
  return jwt.sign(key);
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { status: (err as AppError).status, code: (err as AppError).code };
}

describe("createJwtVerifier", () => {
  let current: Awaited<ReturnType<typeof keyPair>>;
  let other: Awaited<ReturnType<typeof keyPair>>;
  beforeAll(async () => {
    [current, other] = await Promise.all([keyPair(), keyPair()]);
  });

  it("accepts Trello's token for the route's board and returns its claims", async () => {
    const verify = createJwtVerifier({ fetchKeys: async () => [other.pem, current.pem], pluginId: PLUGIN });
    await expect(verify(await sign(current.privateKey, { state: "s" }), BOARD)).resolves.toMatchObject({
      idBoard: BOARD,
      idPlugin: PLUGIN,
      state: "s",
    });
  });

  it.each([
    ["another issuer", { iss: "not-trello" }, {}, 401, "JWT_INVALID"],
    ["no expiry", { exp: null }, {}, 401, "JWT_INVALID"],
    ["an expired token", { iat: 1_000, exp: 1_900 }, {}, 401, "JWT_EXPIRED"],
    ["another board", {}, { idBoard: "000000000000000000000001" }, 403, "WRONG_BOARD"],
    ["another Power-Up", {}, { idPlugin: "000000000000000000000002" }, 403, "WRONG_PLUGIN"],
    ["no idMember", {}, { idMember: undefined }, 401, "JWT_INVALID"],
  ])("refuses %s", async (_what, options, claims, status, code) => {
    const verify = createJwtVerifier({ fetchKeys: async () => [current.pem], pluginId: PLUGIN });
    expect(await failure(verify(await sign(current.privateKey, claims, options as never), BOARD))).toEqual({
      status,
      code,
    });
  });

  it("refuses a token signed with a key Trello does not publish, and an HS256 token keyed with the public key", async () => {
    const verify = createJwtVerifier({ fetchKeys: async () => [current.pem], refetchAfterMs: 0 });
    expect(await failure(verify(await sign(other.privateKey), BOARD))).toEqual({ status: 401, code: "JWT_INVALID" });
    const hs = await new SignJWT({ idMember: "m", idBoard: BOARD, idPlugin: PLUGIN })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("trello")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(current.pem));
    expect(await failure(verify(hs, BOARD))).toEqual({ status: 401, code: "JWT_INVALID" });
  });

  it("refetches the keys when a token fits none of the cached ones (rotation), at most once per interval", async () => {
    let published = [current.pem];
    let fetches = 0;
    let now = 0;
    const verify = createJwtVerifier({
      fetchKeys: async () => (fetches++, published),
      refetchAfterMs: 1_000,
      now: () => now,
    });
    await verify(await sign(current.privateKey), BOARD);
    published = [other.pem];
    now = 500;
    expect(await failure(verify(await sign(other.privateKey), BOARD))).toMatchObject({ code: "JWT_INVALID" });
    expect(fetches).toBe(1);
    now = 1_600;
    await expect(verify(await sign(other.privateKey), BOARD)).resolves.toMatchObject({ idBoard: BOARD });
    expect(fetches).toBe(2);
  });

  it.each([
    ["an empty token", ""],
    ["three dots' worth of nothing", "a.b.c"],
    ["two parts", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ0cmVsbG8ifQ"],
    [
      "an alg none token",
      `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"iss":"trello"}').toString("base64url")}.`,
    ],
    [
      "an HS256 header",
      `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from('{"iss":"trello"}').toString("base64url")}.c2ln`,
    ],
    ["claims that are not JSON", `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.bm90IGpzb24.c2ln`],
    ["a huge token", `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${"A".repeat(20_000)}.c2ln`],
  ])("refuses %s as 401 without fetching Trello's keys", async (_what, jwt) => {
    let fetches = 0;
    const verify = createJwtVerifier({ fetchKeys: async () => (fetches++, [current.pem]) });
    expect(await failure(verify(jwt, BOARD))).toEqual({ status: 401, code: "JWT_INVALID" });
    expect(fetches).toBe(0);
  });

  it("fetches keys at most once a second whatever happens, failed fetches included", async () => {
    let fetches = 0;
    let up = false;
    let now = 10_000;
    const verify = createJwtVerifier({
      fetchKeys: async () => (fetches++, up ? [current.pem] : Promise.reject(new Error("ECONNREFUSED"))),
      now: () => now,
    });
    const forged = await sign(other.privateKey);
    const results = [];
    for (let i = 0; i < 200; i++) {
      now += 7; // 200 tokens over 1.4 s
      results.push(await failure(verify(forged, BOARD)));
    }
    expect(results.every((r) => r.status === 503)).toBe(true);
    expect(fetches).toBe(2);
    up = true;
    now += 1_000;
    expect(await failure(verify(forged, BOARD))).toEqual({ status: 401, code: "JWT_INVALID" });
    expect(fetches).toBe(3);
    // Keys loaded: forged tokens (an unknown key each time) still refetch at most once a second (300 over 2.1 s).
    for (let i = 0; i < 300; i++) {
      now += 7;
      await failure(verify(forged, BOARD));
    }
    expect(fetches).toBe(5);
    up = false;
    now += 1_000;
    for (let i = 0; i < 50; i++) await failure(verify(forged, BOARD));
    expect(fetches).toBe(6);
    await expect(verify(await sign(current.privateKey), BOARD)).resolves.toMatchObject({ idBoard: BOARD });
  });

  it("fetches the keys once for concurrent first requests, and says Trello is unavailable when it cannot", async () => {
    let fetches = 0;
    const verify = createJwtVerifier({ fetchKeys: async () => (fetches++, [current.pem]) });
    const jwt = await sign(current.privateKey);
    await Promise.all([verify(jwt, BOARD), verify(jwt, BOARD), verify(jwt, BOARD)]);
    expect(fetches).toBe(1);
    const down = createJwtVerifier({ fetchKeys: async () => Promise.reject(new Error("ECONNREFUSED")) });
    expect(await failure(down(jwt, BOARD))).toEqual({ status: 503, code: "TRELLO_UNAVAILABLE" });
  });
});
