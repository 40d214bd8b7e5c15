import { decodeProtectedHeader, errors, importSPKI, jwtVerify, type JWTPayload } from "jose";
import { seedBoard, startTestSim, type TestSim } from "./support/test-sim";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

/** The public keys as a service fetches them: no key or token needed. */
async function servedKeys(): Promise<string[]> {
  const res = await fetch(`${t.baseUrl}/1/resource/jwt-public-keys`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { keys: string[] }).keys;
}

/** Verifies as Trello's guidance says: try each published key; the first that verifies wins. */
async function verifyWithServedKeys(jwt: string): Promise<JWTPayload> {
  let lastError: unknown;
  for (const pem of await servedKeys()) {
    try {
      return (await jwtVerify(jwt, await importSPKI(pem, "RS256"), { issuer: "trello", algorithms: ["RS256"] }))
        .payload;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

describe("GET /1/resource/jwt-public-keys", () => {
  it("serves Trello's shape, {keys: [PEM public key, …]}, without a key or token", async () => {
    const keys = await servedKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----$/);
  });
});

describe("member JWTs", () => {
  it("verify against the served keys and carry Trello's claims, with exp 900 s after iat", async () => {
    const { board } = seedBoard(t.sim);
    const jwt = await t.sim.mintJwt({ idBoard: board.id, state: '{"page":"report"}' });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "RS256", typ: "JWT" });
    const claims = await verifyWithServedKeys(jwt);
    expect(claims).toEqual({
      idPlugin: t.sim.pluginId,
      idBoard: board.id,
      idMember: t.sim.memberId,
      state: '{"page":"report"}',
      iat: expect.any(Number),
      exp: (claims.iat as number) + 900,
      iss: "trello",
    });
    expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("can be minted already expired, and then fail verification as expired", async () => {
    const { board } = seedBoard(t.sim);
    const jwt = await t.sim.mintJwt({ idBoard: board.id, expired: true });
    await expect(verifyWithServedKeys(jwt)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it("are not verified by a key the simulator did not publish", async () => {
    const { board } = seedBoard(t.sim);
    const jwt = await t.sim.mintJwt({ idBoard: board.id });
    const foreign = await import("node:crypto").then(
      ({ generateKeyPairSync }) =>
        generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }) as string,
    );
    await expect(jwtVerify(jwt, await importSPKI(foreign, "RS256"))).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
  });
});

describe("key rotation", () => {
  it("signs with a new key, publishes both, and a verifier holding only the old key must refetch", async () => {
    const { board } = seedBoard(t.sim);
    const [oldPem] = await servedKeys();
    t.sim.rotateJwtKey();
    const keys = await servedKeys();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(oldPem);
    const jwt = await t.sim.mintJwt({ idBoard: board.id });
    await expect(jwtVerify(jwt, await importSPKI(oldPem!, "RS256"))).rejects.toBeInstanceOf(
      errors.JWSSignatureVerificationFailed,
    );
    await expect(verifyWithServedKeys(jwt)).resolves.toMatchObject({ idBoard: board.id });
  });

  it("can drop the old key, after which tokens it signed no longer verify", async () => {
    const { board } = seedBoard(t.sim);
    const before = await t.sim.mintJwt({ idBoard: board.id });
    t.sim.rotateJwtKey({ keepPrevious: false });
    expect(await servedKeys()).toHaveLength(1);
    await expect(verifyWithServedKeys(before)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });
});
