import { seedMarchBoard } from "../../support/seed-march-board";
import { dumpStore } from "../../support/test-app";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";
import { loadMonthlyReport } from "../../../server/reports/load-monthly-report";

const seed = (h: ServiceWithSim, cards: number) => seedMarchBoard(h.sim, cards);

/** Every action the simulator holds for a board. */
const allActionIds = (h: ServiceWithSim, boardId: string): string[] => h.sim.boardActions(boardId).map((a) => a.id);

const json = (res: Response): Promise<any> => res.json();

const marchReport = (h: ServiceWithSim, boardId: string) => loadMonthlyReport(h.store, { boardId, month: "2026-03" });

describe("POST /api/boards/:boardId/connection", () => {
  let h: ServiceWithSim;
  beforeEach(async () => {
    h = await startServiceWithSim();
  });
  afterEach(async () => {
    await h.close();
  });

  it("registers the webhook, backfills > 5,000 actions under Trello's rate limits, then takes live deliveries", async () => {
    const { boardId, todo, done } = seed(h, 2_100);
    const res = await h.connect(boardId);
    expect(res.status).toBe(202);
    const accepted = await json(res);
    expect(accepted).toMatchObject({
      boardId,
      memberId: h.simInfo.memberId,
      webhookId: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    expect(JSON.stringify(accepted)).not.toContain(h.simInfo.token);
    expect(h.sim.webhooks()).toEqual([
      expect.objectContaining({ idModel: boardId, callbackURL: `${h.baseUrl}/webhooks/trello`, active: true }),
    ]);

    await h.settle();
    const status = await fetch(`${h.baseUrl}/api/boards/${boardId}/connection`, {
      headers: { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}` },
    }).then(json);
    expect(status).toMatchObject({
      status: "ready",
      sync: { backfillComplete: true, actionsFetched: expect.any(Number) },
    });
    expect(status.sync.actionsFetched).toBeGreaterThan(5_000);
    expect(h.store.actions.count()).toBe(status.sync.actionsFetched);
    expect(h.store.actions.count()).toBe(allActionIds(h, boardId).length);
    expect(marchReport(h, boardId)).toMatchObject({ cards: { created: 2_100, completed: 1_050 }, comments: 2_100 });

    const live = h.sim.createCard(todo, { name: "Live card", at: "2026-03-31T10:00:00Z" });
    h.sim.moveCard(live.id as string, done, { at: "2026-03-31T11:00:00Z" });
    await h.settle();
    expect(marchReport(h, boardId)).toMatchObject({ cards: { created: 2_101, completed: 1_051 } });
    const sources = h.service.db
      .prepare("SELECT source, count(*) AS n FROM actions GROUP BY source ORDER BY source")
      .all();
    expect(sources).toEqual([
      { source: "backfill", n: status.sync.actionsFetched },
      { source: "webhook", n: 2 },
    ]);
  });

  it("gets complete data with no duplicates through injected 429s, 5xx and dropped connections", async () => {
    const { boardId, todo } = seed(h, 1_500);
    expect((await h.connect(boardId)).status).toBe(202);
    // The backfill has just started in the background: from here on Trello misbehaves, and work on the
    // board goes on, so webhook deliveries arrive while the history is being paged.
    h.sim.setFaults({ seed: 3, errorRate: 0.15, dropRate: 0.1, nextErrors: 1, nextDrops: 1, next429s: 1 });
    for (let i = 0; i < 20; i += 1)
      h.sim.createCard(todo, { name: `During backfill ${i}`, at: Date.parse("2026-03-31T00:00:00Z") + i });
    await h.settle();
    const left = h.sim.faults();
    h.sim.clearFaults();
    expect(left).toMatchObject({ nextErrors: 0, nextDrops: 0, next429s: 0 });
    expect(h.store.connections.get(boardId)?.status).toBe("ready");
    const stored = h.service.db.prepare("SELECT id FROM actions ORDER BY id").pluck().all();
    expect(stored).toEqual(allActionIds(h, boardId).sort());
    expect(marchReport(h, boardId)).toMatchObject({ cards: { created: 1_520, completed: 750 }, comments: 1_500 });
  });

  describe("refusals change nothing", () => {
    let boardId: string;
    let before: Record<string, unknown[]>;
    beforeEach(() => {
      boardId = seed(h, 3).boardId;
      before = dumpStore(h.service.db);
    });
    const expectNothingChanged = () => {
      expect(dumpStore(h.service.db)).toEqual(before);
      expect(h.store.connections.all()).toEqual([]);
      expect(h.sim.webhooks()).toEqual([]);
    };

    it.each([
      ["no JWT", undefined, 401, "JWT_MISSING"],
      ["a JWT that is not one", "not.a.jwt", 401, "JWT_INVALID"],
    ])("refuses %s", async (_what, jwt, status, code) => {
      const res = await fetch(`${h.baseUrl}/api/boards/${boardId}/connection`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
        body: JSON.stringify({ token: h.simInfo.token }),
      });
      expect(res.status).toBe(status);
      expect((await json(res)).error.code).toBe(code);
      expectNothingChanged();
    });

    it("refuses an expired JWT with 401", async () => {
      const res = await h.connect(boardId, { jwt: await h.sim.mintJwt({ idBoard: boardId, expired: true }) });
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe("JWT_EXPIRED");
      expectNothingChanged();
    });

    it("refuses a JWT signed by someone else's key with 401", async () => {
      const { createTrelloSimulator } = await import("../../../scripts/trello-sim/create-trello-simulator");
      const other = createTrelloSimulator();
      const res = await h.connect(boardId, { jwt: await other.mintJwt({ idBoard: boardId }) });
      await other.close();
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe("JWT_INVALID");
      expectNothingChanged();
    });

    it("refuses a JWT for another board with 403", async () => {
      const res = await h.connect(boardId, { jwt: await h.sim.mintJwt({ idBoard: "5e93ba98614ac22d22f085c4" }) });
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe("WRONG_BOARD");
      expectNothingChanged();
    });

    it("refuses another member's token with 403", async () => {
      const other = h.sim.createMember({ username: "mallory", fullName: "Mallory" });
      h.sim.addMemberToBoard(boardId, other.id);
      const res = await h.connect(boardId, { token: other.token });
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe("TOKEN_WRONG_MEMBER");
      expectNothingChanged();
    });

    it("refuses a token Trello does not know with 401", async () => {
      const res = await h.connect(boardId, { token: "f".repeat(64) });
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe("TOKEN_INVALID");
      expectNothingChanged();
    });

    it("refuses a member whose token cannot read the board with 403", async () => {
      const outsider = h.sim.createMember({ username: "outsider" });
      const jwt = await h.sim.mintJwt({ idBoard: boardId, idMember: outsider.id });
      const res = await h.connect(boardId, { jwt, token: outsider.token });
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe("BOARD_NOT_READABLE");
      expectNothingChanged();
    });

    it("refuses a body without a token with 400", async () => {
      const res = await h.connect(boardId, { token: "" });
      expect(res.status).toBe(400);
      expectNothingChanged();
    });
  });

  it("accepts JWTs signed with a rotated key, refetching Trello's keys", async () => {
    const { boardId } = seed(h, 2);
    await h.sim.mintJwt({ idBoard: boardId }).then((jwt) => h.connect(boardId, { jwt }));
    await h.settle();
    h.sim.rotateJwtKey({ keepPrevious: false });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const res = await fetch(`${h.baseUrl}/api/boards/${boardId}/connection`, {
      headers: { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}` },
    });
    expect(res.status).toBe(200);
  });

  it("lets only the connecting member or a board admin take over or remove a connection", async () => {
    const { boardId } = seed(h, 5);
    await h.connect(boardId);
    await h.settle();
    const colleague = h.sim.createMember({ username: "colleague" });
    h.sim.addMemberToBoard(boardId, colleague.id, { memberType: "normal" });
    const colleagueJwt = await h.sim.mintJwt({ idBoard: boardId, idMember: colleague.id });
    const remove = await fetch(`${h.baseUrl}/api/boards/${boardId}/connection?deleteData=true`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${colleagueJwt}` },
    });
    expect(remove.status).toBe(403);
    expect((await json(remove)).error.code).toBe("NOT_ALLOWED");
    const takeOver = await h.connect(boardId, { jwt: colleagueJwt, token: colleague.token });
    expect(takeOver.status).toBe(403);
    expect(h.store.connections.get(boardId)?.memberId).toBe(h.simInfo.memberId);
    expect(h.store.actions.count()).toBeGreaterThan(0);

    const admin = h.sim.createMember({ username: "admin" });
    h.sim.addMemberToBoard(boardId, admin.id, { memberType: "admin" });
    const adminJwt = await h.sim.mintJwt({ idBoard: boardId, idMember: admin.id });
    expect((await h.connect(boardId, { jwt: adminJwt, token: admin.token })).status).toBe(202);
    await h.settle();
    expect(h.store.connections.get(boardId)?.memberId).toBe(admin.id);
    expect(h.sim.webhooks()).toHaveLength(1);
  });

  it("disconnects without deleting data unless asked, and retires a webhook Trello would not delete", async () => {
    const { boardId, todo } = seed(h, 5);
    await h.connect(boardId);
    await h.settle();
    const stored = h.store.actions.count();
    h.sim.setFaults({ nextErrors: 10 });
    const jwt = await h.sim.mintJwt({ idBoard: boardId });
    const res = await fetch(`${h.baseUrl}/api/boards/${boardId}/connection`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${jwt}` },
    });
    h.sim.clearFaults();
    expect(await json(res)).toEqual({ boardId, disconnected: true, webhookDeleted: false, dataDeleted: false });
    expect(h.store.actions.count()).toBe(stored);
    expect(h.sim.webhooks()).toHaveLength(1);

    // Trello keeps delivering; the 410 answer makes it delete the webhook itself, and nothing more is stored.
    h.sim.createCard(todo, { name: "After disconnect" });
    await h.settle();
    expect(h.sim.webhooks()).toEqual([]);
    expect(h.store.actions.count()).toBe(stored);
  });

  it("disconnects: deletes the webhook and, on request, the board's data", async () => {
    const { boardId, todo } = seed(h, 5);
    const stakeholderCard = h.sim.createCard(todo, { name: "Dana Ruiz" }).id as string;
    const entry = { id: "upd00001", at: "2026-03-20T10:00:00.000Z", channel: "email", summary: "Status" };
    h.sim.setPluginData({ scope: "card", idModel: stakeholderCard }, { log: { v: 1, entries: [entry] } });
    await h.connect(boardId);
    await h.settle();
    expect(h.store.actions.count()).toBeGreaterThan(0);
    const generated = await fetch(`${h.baseUrl}/api/boards/${boardId}/reports`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ month: "2026-03", audience: "internal" }),
    });
    expect(generated.status).toBe(201);
    const historyRows = () =>
      ["loop_record_versions", "stakeholder_updates", "report_snapshots"].map((table) =>
        h.service.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(),
      );
    expect(historyRows()).toEqual([1, 1, 1]);
    const jwt = await h.sim.mintJwt({ idBoard: boardId });
    const res = await fetch(`${h.baseUrl}/api/boards/${boardId}/connection?deleteData=true`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(await json(res)).toEqual({ boardId, disconnected: true, webhookDeleted: true, dataDeleted: true });
    expect(h.sim.webhooks()).toEqual([]);
    expect(h.store.connections.get(boardId)).toBeUndefined();
    expect(h.store.actions.count()).toBe(0);
    expect(historyRows()).toEqual([0, 0, 0]);
    const again = await fetch(`${h.baseUrl}/api/boards/${boardId}/connection`, {
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(again.status).toBe(404);
  });
});
