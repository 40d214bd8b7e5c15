import { generateKeyPair, SignJWT } from "jose";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

/** Every table's rows, in a stable order: "nothing changed" means this is equal before and after. */
function everyRow(h: ServiceWithSim): Record<string, unknown[]> {
  const db = h.service.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("access matrix: every /api route refuses every bad member token, reading and changing nothing", () => {
  let h: ServiceWithSim;
  let boardId: string;
  let otherBoardId: string;
  let snapshotId: string;
  let bad: Record<string, { jwt: string | null; status: number; code: string }>;

  beforeAll(async () => {
    h = await startServiceWithSim();
    const board = h.sim.createBoard({ name: "Guarded", lists: ["To Do", "Done"], at: "2026-03-01T09:00:00Z" });
    boardId = String(board.id);
    otherBoardId = String(h.sim.createBoard({ name: "Other", lists: ["To Do"] }).id);
    const card = String(
      h.sim.createCard((board.lists as { id: string }[])[0]!.id, { name: "Kick-off", at: "2026-03-02T09:00:00Z" }).id,
    );
    h.sim.setPluginData({ scope: "card", idModel: card }, { roles: { v: 1, accountable: ["stk-1"] } });
    expect((await h.connect(boardId)).status).toBe(202);
    await h.settle();
    const good = await h.sim.mintJwt({ idBoard: boardId });
    const made = await fetch(`${h.baseUrl}/api/boards/${boardId}/reports`, {
      method: "POST",
      headers: { authorization: `Bearer ${good}`, "content-type": "application/json" },
      body: JSON.stringify({ month: "2026-03", audience: "internal" }),
    });
    expect(made.status).toBe(201);
    snapshotId = ((await made.json()) as { id: string }).id;

    const now = Math.floor(Date.now() / 1000);
    const claims = { idMember: h.simInfo.memberId, idBoard: boardId, idPlugin: h.sim.pluginId };
    const stranger = await generateKeyPair("RS256");
    const sign = (key: Parameters<SignJWT["sign"]>[0], alg: string, body = claims) =>
      new SignJWT(body)
        .setProtectedHeader({ alg, typ: "JWT" })
        .setIssuer("trello")
        .setIssuedAt(now)
        .setExpirationTime(now + 900)
        .sign(key);
    bad = {
      "no token": { jwt: null, status: 401, code: "JWT_MISSING" },
      "an expired token": {
        jwt: await h.sim.mintJwt({ idBoard: boardId, expired: true }),
        status: 401,
        code: "JWT_EXPIRED",
      },
      "a token signed with a key Trello does not publish": {
        jwt: await sign(stranger.privateKey, "RS256"),
        status: 401,
        code: "JWT_INVALID",
      },
      "a token for another board": {
        jwt: await h.sim.mintJwt({ idBoard: otherBoardId }),
        status: 403,
        code: "WRONG_BOARD",
      },
      "a token for another Power-Up": {
        jwt: await h.sim.mintJwt({ idBoard: boardId, idPlugin: "5f00000000000000000000ee" }),
        status: 403,
        code: "WRONG_PLUGIN",
      },
      "an alg none token": {
        jwt: `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims, iss: "trello", iat: now, exp: now + 900 })}.`,
        status: 401,
        code: "JWT_INVALID",
      },
      "an HS256 token keyed with Trello's public key": {
        jwt: await sign(new TextEncoder().encode(h.sim.jwtPublicKeys()[0]!), "HS256"),
        status: 401,
        code: "JWT_INVALID",
      },
      garbage: { jwt: "a.b.c", status: 401, code: "JWT_INVALID" },
    };
  });
  afterAll(async () => {
    await h.close();
  });

  const routes = (): [string, string, unknown][] => [
    ["POST", `/api/boards/${boardId}/connection`, { token: h.simInfo.token }],
    ["GET", `/api/boards/${boardId}/connection`, undefined],
    ["DELETE", `/api/boards/${boardId}/connection?deleteData=true`, undefined],
    ["POST", `/api/boards/${boardId}/plugin-data/refresh`, {}],
    ["GET", `/api/boards/${boardId}/reports/monthly?month=2026-03`, undefined],
    ["POST", `/api/boards/${boardId}/reports`, { month: "2026-03", audience: "internal" }],
    ["GET", `/api/boards/${boardId}/reports`, undefined],
    ["GET", `/api/boards/${boardId}/reports/${snapshotId}?format=html`, undefined],
    ["GET", `/api/boards/${boardId}/stakeholders`, undefined],
  ];

  it("When each route is called with each bad token, then it is 401/403 with only the error, and the store is unchanged", async () => {
    const before = everyRow(h);
    const webhooksBefore = h.sim.webhooks();
    let checked = 0;
    for (const [method, url, body] of routes()) {
      for (const [what, { jwt, status, code }] of Object.entries(bad)) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (jwt !== null) headers.authorization = `Bearer ${jwt}`;
        const res = await fetch(`${h.baseUrl}${url}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const answer = await res.text();
        expect({ route: `${method} ${url}`, what, status: res.status }).toEqual({
          route: `${method} ${url}`,
          what,
          status,
        });
        expect(JSON.parse(answer)).toEqual({ error: { code, message: expect.any(String) } });
        expect(res.headers.get("cache-control")).toBe("no-store");
        checked += 1;
      }
    }
    expect(checked).toBe(9 * 8);
    await h.settle();
    expect(everyRow(h)).toEqual(before);
    expect(h.sim.webhooks()).toEqual(webhooksBefore);
  });

  it("When the same routes get the member's own token, then they answer (the matrix is not refusing everything)", async () => {
    const jwt = await h.sim.mintJwt({ idBoard: boardId });
    for (const [method, url] of routes().filter(([method]) => method === "GET")) {
      const res = await fetch(`${h.baseUrl}${url}`, { method, headers: { authorization: `Bearer ${jwt}` } });
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
    }
  });
});
