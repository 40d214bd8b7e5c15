import fs from "node:fs";
import { Writable } from "node:stream";
import { createLogger } from "../../../server/log/create-logger";
import { BoardStory } from "../../support/board-story";
import { startServiceWithSim, TEST_TOKEN_KEY, type ServiceWithSim } from "../../support/service-with-sim";
import { trelloSign } from "../../support/sign";

describe("secrets at rest and in the logs", () => {
  const lines: string[] = [];
  let h: ServiceWithSim;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    h = await startServiceWithSim({ log: createLogger("trace", sink) });
  });
  afterAll(async () => {
    await h.close();
  });

  it("When a board is connected, fed by webhooks and reported on, then no token, secret, key, JWT or signature is in the database file or any log line", async () => {
    const board = h.sim.createBoard({ name: "Secretive", lists: ["To Do", "Done"], at: "2026-03-01T09:00:00Z" });
    const boardId = String(board.id);
    const list = (board.lists as { id: string }[])[0]!.id;
    const jwts: string[] = [];
    const jwt = async () => {
      const minted = await h.sim.mintJwt({ idBoard: boardId });
      jwts.push(minted);
      return minted;
    };
    const api = async (method: string, path: string, body?: unknown) =>
      fetch(`${h.baseUrl}/api/boards/${boardId}${path}`, {
        method,
        headers: { authorization: `Bearer ${await jwt()}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    expect((await h.connect(boardId, { jwt: await jwt() })).status).toBe(202);
    await h.settle();
    const card = String(h.sim.createCard(list, { name: "Contract" }).id);
    h.sim.addComment(card, "Countersigned");
    h.sim.setPluginData({ scope: "card", idModel: card }, { roles: { v: 1, accountable: ["stk-1"] } });
    await h.settle();
    expect((await api("POST", "/plugin-data/refresh", { idCard: card })).status).toBe(200);
    // A delivery of our own, so its signature is known; sent with a token in the query as a careless proxy might.
    const story = new BoardStory({ id: boardId, name: "Secretive", shortLink: "abcdefgh" });
    const body = story.delivery(story.createList(new Date().toISOString(), "Extra") && story.actions[0]);
    const signature = trelloSign(body, h.config.webhookCallbackUrl, h.simInfo.secret);
    const delivered = await fetch(`${h.baseUrl}/webhooks/trello?token=${h.simInfo.token}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-trello-webhook": signature },
      body,
    });
    expect(delivered.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    const made = await api("POST", "/reports", { month, audience: "internal" });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    for (const format of ["pdf", "html", "csv", "md"])
      expect((await api("GET", `/reports/${id}?format=${format}`)).status).toBe(200);
    expect((await api("GET", `/reports/monthly?month=${month}`)).status).toBe(200);
    expect((await api("GET", "/connection")).status).toBe(200);
    await h.settle();

    const secrets: Record<string, string> = {
      "the member's REST token": h.simInfo.token,
      "the API secret": h.simInfo.secret,
      "the token encryption key": TEST_TOKEN_KEY,
      "a webhook signature": signature,
      ...Object.fromEntries(jwts.map((token, i) => [`member JWT ${i}`, token])),
      // A JWT's signature part alone is as good as the JWT for matching a leak.
      ...Object.fromEntries(jwts.map((token, i) => [`member JWT ${i}'s signature`, token.split(".")[2]!])),
    };
    const files = fs.readdirSync(h.dir).filter((name) => name.startsWith("loop.db"));
    expect(files).toContain("loop.db");
    const raw = files.map((name) => fs.readFileSync(`${h.dir}/${name}`).toString("latin1")).join("\n");
    expect(lines.length).toBeGreaterThan(10);
    const leaks = Object.entries(secrets).flatMap(([what, secret]) => [
      ...(raw.includes(secret) ? [`${what} in the database file`] : []),
      ...lines.filter((line) => line.includes(secret)).map((line) => `${what} in a log line: ${line.slice(0, 200)}`),
    ]);
    expect(leaks).toEqual([]);
    // The stored token is there, sealed: the check above would pass vacuously if nothing had been stored.
    expect(h.store.connections.get(boardId)?.tokenSealed).toMatch(/^v1\./);
  });
});
