import { randomBytes } from "node:crypto";
import { runRotateKeyCli } from "../../../scripts/rotate-key-cli";
import { createTokenCipher } from "../../../server/auth/token-cipher";
import { startServiceWithSim, TEST_TOKEN_KEY, type ServiceWithSim } from "../../support/service-with-sim";

const OLD_KEY = "77".repeat(32);

async function rotate(env: NodeJS.ProcessEnv) {
  let stdout = "";
  let stderr = "";
  const status = await runRotateKeyCli([], {
    env,
    stdout: (c) => void (stdout += c),
    stderr: (c) => void (stderr += c),
  });
  return { status, stdout, stderr };
}

describe("stored tokens and TOKEN_ENCRYPTION_KEY", () => {
  let h: ServiceWithSim;
  let boardId: string;
  beforeEach(async () => {
    h = await startServiceWithSim();
    boardId = String(h.sim.createBoard({ name: "Keys", lists: ["To Do"] }).id);
    expect((await h.connect(boardId)).status).toBe(202);
    await h.settle();
  });
  afterEach(async () => {
    await h.close();
  });

  const api = async (method: string, path: string) =>
    fetch(`${h.baseUrl}/api/boards/${boardId}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}`,
        "content-type": "application/json",
      },
      body: method === "POST" ? "{}" : undefined,
    });
  /** The token as it would be stored by a service running with OLD_KEY. */
  const sealWithOldKey = () =>
    h.store.connections.setSealedToken(
      boardId,
      createTokenCipher(Buffer.from(OLD_KEY, "hex")).encrypt(h.simInfo.token),
    );

  it("When the key changed, then a refresh is a 409 naming the cause and GET /connection says the token cannot be read", async () => {
    sealWithOldKey();
    const refresh = await api("POST", "/plugin-data/refresh");
    expect(refresh.status).toBe(409);
    const body: any = await refresh.json();
    expect(body.error.code).toBe("TOKEN_UNREADABLE");
    expect(body.error.message).toMatch(/cannot be decrypted with the current TOKEN_ENCRYPTION_KEY/);
    expect(body.error.message).toMatch(/rotate-key/);

    const view: any = await (await api("GET", "/connection")).json();
    expect(view).toMatchObject({
      status: "error",
      tokenReadable: false,
      lastError: expect.stringMatching(/TOKEN_ENCRYPTION_KEY/),
    });
  });

  it("When `npm run rotate-key` runs with the old and new keys, then every token opens with the new key and the board works again", async () => {
    sealWithOldKey();
    const second = String(h.sim.createBoard({ name: "Second", lists: ["To Do"] }).id);
    h.store.connections.save({ ...h.store.connections.get(boardId)!, boardId: second });

    const result = await rotate({
      DATABASE_PATH: h.config.databasePath,
      OLD_TOKEN_ENCRYPTION_KEY: OLD_KEY,
      TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    });
    expect(result).toMatchObject({ status: 0 });
    expect(JSON.parse(result.stdout)).toEqual({ rotated: 2, alreadyNew: 0 });
    expect(result.stdout + result.stderr).not.toContain(h.simInfo.token);
    const fresh = createTokenCipher(Buffer.from(TEST_TOKEN_KEY, "hex"));
    for (const connection of h.store.connections.all())
      expect(fresh.decrypt(connection.tokenSealed)).toBe(h.simInfo.token);
    expect((await api("POST", "/plugin-data/refresh")).status).toBe(200);
    expect(await (await api("GET", "/connection")).json()).toMatchObject({ tokenReadable: true });

    // Run again: nothing left under the old key, nothing refused.
    const again = await rotate({
      DATABASE_PATH: h.config.databasePath,
      OLD_TOKEN_ENCRYPTION_KEY: OLD_KEY,
      TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    });
    expect(JSON.parse(again.stdout)).toEqual({ rotated: 0, alreadyNew: 2 });
  });

  it("When one token opens with neither key, then the rotation changes nothing at all (one transaction)", async () => {
    sealWithOldKey();
    const second = String(h.sim.createBoard({ name: "Second", lists: ["To Do"] }).id);
    const stranger = createTokenCipher(randomBytes(32)).encrypt("someone else's");
    h.store.connections.save({ ...h.store.connections.get(boardId)!, boardId: second, tokenSealed: stranger });
    const before = h.service.db.prepare("SELECT board_id, token_sealed FROM connections ORDER BY board_id").all();

    const result = await rotate({
      DATABASE_PATH: h.config.databasePath,
      OLD_TOKEN_ENCRYPTION_KEY: OLD_KEY,
      TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`The token of board ${second} opens with neither key: nothing was changed`);
    expect(h.service.db.prepare("SELECT board_id, token_sealed FROM connections ORDER BY board_id").all()).toEqual(
      before,
    );
  });

  it.each([
    [{ TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY }, "OLD_TOKEN_ENCRYPTION_KEY must be set to 64 hex characters"],
    [
      { OLD_TOKEN_ENCRYPTION_KEY: OLD_KEY, TOKEN_ENCRYPTION_KEY: "abc" },
      "TOKEN_ENCRYPTION_KEY must be set to 64 hex characters",
    ],
    [{ OLD_TOKEN_ENCRYPTION_KEY: OLD_KEY, TOKEN_ENCRYPTION_KEY: OLD_KEY }, "the same key"],
    [
      {
        OLD_TOKEN_ENCRYPTION_KEY: OLD_KEY,
        TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
        DATABASE_PATH: "/nonexistent/loop.db",
      },
      "No database at /nonexistent/loop.db",
    ],
  ])("When rotate-key is given %j, then it refuses with exit code 2 and a sentence", async (env, message) => {
    const result = await rotate({ DATABASE_PATH: h.config.databasePath, ...env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
