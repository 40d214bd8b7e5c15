import net from "node:net";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { createAppWithSim, type AppWithSim } from "../../support/app-with-sim";
import { BoardStory } from "../../support/board-story";
import { createActionIngester } from "../../../server/sync/create-action-ingester";

/** A board with March activity, stored as if delivered: enough for a report snapshot. */
function storedBoard(h: AppWithSim): string {
  const story = new BoardStory();
  const list = story.createList("2026-03-01T00:00:00Z", "Done");
  story.createCard("2026-03-02T00:00:00Z", list, "Shipped");
  const ingest = createActionIngester(h.store);
  for (const action of story.actions)
    ingest(action, JSON.stringify(action), { fallbackBoardId: story.board.id, source: "webhook" });
  return story.board.id;
}

/** Sends headers declaring `declared` body bytes, then only a few, and reads the answer (the server must not wait). */
async function declareHugeBody(
  port: number,
  path: string,
  declared: number,
  headers: Record<string, string> = {},
): Promise<string> {
  const socket = net.connect(port, "127.0.0.1");
  const lines = [
    `POST ${path} HTTP/1.1`,
    "Host: 127.0.0.1",
    "Content-Type: application/json",
    `Content-Length: ${declared}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.write(`${lines.join("\r\n")}\r\n\r\n{"a":`);
  let answer = "";
  socket.on("data", (chunk) => (answer += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    socket.on("close", () => resolve());
    socket.on("error", reject);
    setTimeout(() => reject(new Error(`no answer and no close within 5 s: ${answer}`)), 5_000);
  });
  return answer;
}

describe("limits", () => {
  let h: AppWithSim;
  afterEach(async () => {
    await h.close();
  });

  const jwtFor = (boardId: string, idMember = "5e645dc2c4205e1416218404") =>
    h.sim.mintJwt({ idBoard: boardId, idMember });
  const list = async (boardId: string, jwt: string) =>
    request(h.app).get(`/api/boards/${boardId}/reports`).set("authorization", `Bearer ${jwt}`);

  it("When one member goes over their allowance, then they get 429 with Retry-After in the stable shape, and another member does not", async () => {
    h = await createAppWithSim({ limits: { perMember: 5, perBoard: 100 } });
    const board = "5e93ba98614ac22d22f085c4";
    const dana = await jwtFor(board);
    for (let i = 0; i < 5; i++) expect((await list(board, dana)).status).toBe(200);
    const refused = await list(board, dana);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(/from this member: at most 5 in 60 s; try again in \d+ s/),
      },
    });
    expect(refused.headers["cache-control"]).toBe("no-store");
    expect((await list(board, await jwtFor(board, "5e645dc2c4205e14162184aa"))).status).toBe(200);
  });

  it("When a board's members together go over the board's allowance, then the board gets 429 and other boards do not", async () => {
    h = await createAppWithSim({ limits: { perMember: 100, perBoard: 6 } });
    const board = "5e93ba98614ac22d22f085c4";
    const members = ["5e645dc2c4205e14162184a1", "5e645dc2c4205e14162184a2", "5e645dc2c4205e14162184a3"];
    for (const member of members) {
      const jwt = await jwtFor(board, member);
      for (let i = 0; i < 2; i++) expect((await list(board, jwt)).status).toBe(200);
    }
    const refused = await list(board, await jwtFor(board, "5e645dc2c4205e14162184a4"));
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/on this board/);
    expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
    expect((await list("5e93ba98614ac22d22f085c5", await jwtFor("5e93ba98614ac22d22f085c5", members[0]))).status).toBe(
      200,
    );
  });

  it("When forged tokens flood a board, then they are 401 and spend none of its members' allowance", async () => {
    h = await createAppWithSim({ limits: { perMember: 3, perBoard: 3 } });
    const board = "5e93ba98614ac22d22f085c4";
    const forged = (await jwtFor(board)).replace(/.{8}$/, "AAAAAAAA");
    for (let i = 0; i < 20; i++) expect((await list(board, forged)).status).toBe(401);
    const jwt = await jwtFor(board);
    for (let i = 0; i < 3; i++) expect((await list(board, jwt)).status).toBe(200);
  });

  it("When a board has stored its day's share of snapshots, then the next is 429 SNAPSHOT_LIMIT with Retry-After, and versions stay readable", async () => {
    h = await createAppWithSim({ limits: { snapshotsPerDay: 2 } });
    const board = storedBoard(h);
    const jwt = await jwtFor(board);
    const generate = () =>
      request(h.app)
        .post(`/api/boards/${board}/reports`)
        .set("authorization", `Bearer ${jwt}`)
        .send({ month: "2026-03", audience: "internal" });
    expect((await generate()).status).toBe(201);
    expect((await generate()).status).toBe(201);
    const refused = await generate();
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("SNAPSHOT_LIMIT");
    expect(refused.body.error.message).toMatch(/stored 2 report snapshots in the last 24 hours/);
    const retryAfter = Number(refused.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect((await list(board, jwt)).body.snapshots).toHaveLength(2);
  });

  describe("a declared Content-Length over the route's limit", () => {
    let server: ReturnType<AppWithSim["app"]["listen"]>;
    let port: number;
    beforeEach(async () => {
      h = await createAppWithSim();
      server = h.app.listen(0);
      await new Promise((resolve) => server.once("listening", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterEach(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it("When a webhook declares 1 GB, then it is 413 naming 1 MiB at once, without waiting for the body, and the connection closes", async () => {
      const answer = await declareHugeBody(port, "/webhooks/trello", 1024 ** 3);
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toMatch(/connection: close/i);
      expect(answer).toContain(
        `{"error":{"code":"PAYLOAD_TOO_LARGE","message":"The request body is over this route's limit of 1 MiB"}}`,
      );
    });

    it.each([
      ["/connection", "16 KiB"],
      ["/plugin-data/refresh", "4 KiB"],
      ["/reports", "16 KiB"],
    ])("When POST …%s declares 1 GB, then it is 413 naming its own limit of %s at once", async (route, limit) => {
      const board = "5e93ba98614ac22d22f085c4";
      const answer = await declareHugeBody(port, `/api/boards/${board}${route}`, 1024 ** 3, {
        Authorization: `Bearer ${await jwtFor(board)}`,
      });
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toContain(`"message":"The request body is over this route's limit of ${limit}"`);
    });
  });
});
