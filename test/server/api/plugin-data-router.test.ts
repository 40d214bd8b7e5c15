import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

interface Board {
  boardId: string;
  cardIds: string[];
}

const json = (res: Response): Promise<any> => res.json();

/** A small board on the simulator with two cards. */
function seedBoard(h: ServiceWithSim, name: string): Board {
  const board = h.sim.createBoard({ name, lists: ["To Do", "Done"], at: "2026-03-01T09:00:00Z" });
  const [todo] = board.lists as { id: string }[];
  const cardIds = ["Kick-off", "Sign the SLA"].map(
    (card, i) => h.sim.createCard(todo!.id, { name: card, at: Date.parse("2026-03-02T09:00:00Z") + i }).id as string,
  );
  return { boardId: board.id as string, cardIds };
}

async function connected(h: ServiceWithSim, name = "ACME rollout"): Promise<Board> {
  const board = seedBoard(h, name);
  expect((await h.connect(board.boardId)).status).toBe(202);
  await h.settle();
  return board;
}

async function refresh(h: ServiceWithSim, boardId: string, body: unknown, jwt?: string): Promise<Response> {
  return fetch(`${h.baseUrl}/api/boards/${boardId}/plugin-data/refresh`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${jwt ?? (await h.sim.mintJwt({ idBoard: boardId }))}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
}

/** What the store holds for one model, each record's value parsed. */
const storedFor = (h: ServiceWithSim, boardId: string, idModel: string) =>
  h.store.pluginData
    .listBoard(boardId)
    .filter((record) => record.idModel === idModel)
    .map((record) => ({ id: record.id, scope: record.scope, value: JSON.parse(record.value) }));

const pluginDataRows = (h: ServiceWithSim) => h.service.db.prepare("SELECT * FROM plugin_data ORDER BY id").all();

describe("POST /api/boards/:boardId/plugin-data/refresh", () => {
  let h: ServiceWithSim;
  beforeEach(async () => {
    h = await startServiceWithSim();
  });
  afterEach(async () => {
    await h.close();
  });

  it("When the Power-Up saves a card's record and asks for a refresh, then the store holds the new record", async () => {
    const { boardId, cardIds } = await connected(h);
    const [card] = cardIds;
    h.sim.setPluginData({ scope: "card", idModel: card! }, { roles: { v: 1, accountable: ["stk-1"] } });
    expect(storedFor(h, boardId, card!)).toEqual([]);

    const res = await refresh(h, boardId, { idCard: card });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({ idModel: card, records: 1, syncedAt: expect.any(String) });
    expect(Date.parse(body.syncedAt)).not.toBeNaN();
    expect(storedFor(h, boardId, card!)).toEqual([
      { id: expect.any(String), scope: "card", value: { roles: { v: 1, accountable: ["stk-1"] } } },
    ]);
  });

  it("When the card was made a moment ago and its webhook has not arrived, then Trello says where it is and the refresh stores it", async () => {
    const { boardId } = await connected(h);
    const [todo] = h.sim
      .boardActions(boardId)
      .filter((a) => a.type === "createList")
      .map((a) => (a.data as any).list.id as string);
    h.sim.pauseDeliveries();
    const fresh = h.sim.createCard(todo!, { name: "Dana Ruiz — ACME" }).id as string;
    h.sim.setPluginData({ scope: "card", idModel: fresh }, { stakeholder: { v: 1, name: "Dana Ruiz" } });
    expect(h.store.cards.get(fresh)).toBeUndefined();

    const res = await refresh(h, boardId, { idCard: fresh });
    expect(res.status).toBe(200);
    expect(storedFor(h, boardId, fresh)).toEqual([
      { id: expect.any(String), scope: "card", value: { stakeholder: { v: 1, name: "Dana Ruiz" } } },
    ]);
    h.sim.resumeDeliveries();
  });

  it("When a card the store has never seen is on another board, then the refresh is refused with 404 and stores nothing", async () => {
    const { boardId } = await connected(h);
    const other = seedBoard(h, "Someone else's board");
    h.sim.setPluginData({ scope: "card", idModel: other.cardIds[0]! }, { roles: { v: 1 } });
    const res = await refresh(h, boardId, { idCard: other.cardIds[0] });
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("CARD_NOT_ON_BOARD");
    expect(storedFor(h, boardId, other.cardIds[0]!)).toEqual([]);
  });

  it("When a key is removed and the card refreshed again, then the store drops it, and records Trello no longer has, and leaves other cards alone", async () => {
    const { boardId, cardIds } = await connected(h);
    const [card, other] = cardIds as [string, string];
    h.sim.setPluginData({ scope: "card", idModel: card }, { roles: { v: 1 }, scope: { v: 1, decision: "out" } });
    h.sim.setPluginData({ scope: "card", idModel: other }, { milestone: { v: 1, due: "2026-04-01" } });
    expect((await refresh(h, boardId, { idCard: card })).status).toBe(200);
    expect((await refresh(h, boardId, { idCard: other })).status).toBe(200);
    // A record read earlier that Trello has since lost (another Power-Up's, or data removed by Trello).
    const [current] = h.store.pluginData.listBoard(boardId).filter((record) => record.idModel === card);
    const stale = {
      id: "5f0000000000000000000001",
      idPlugin: "5f00000000000000000000ff",
      scope: "card",
      idModel: card,
      access: "shared",
      value: "{}",
    };
    h.store.pluginData.replaceModel(boardId, card, [{ ...current! }, stale], "2026-03-03T00:00:00.000Z");
    expect(storedFor(h, boardId, card)).toHaveLength(2);

    h.sim.setPluginData({ scope: "card", idModel: card }, { scope: undefined });
    const res = await refresh(h, boardId, { idCard: card });

    expect(await json(res)).toMatchObject({ idModel: card, records: 1 });
    expect(storedFor(h, boardId, card)).toEqual([{ id: current!.id, scope: "card", value: { roles: { v: 1 } } }]);
    expect(storedFor(h, boardId, other)).toEqual([
      { id: expect.any(String), scope: "card", value: { milestone: { v: 1, due: "2026-04-01" } } },
    ]);
  });

  it("When the body names no card, then the board's own pluginData is refreshed", async () => {
    const { boardId } = await connected(h);
    h.sim.setPluginData({ scope: "board", idModel: boardId }, { settings: { v: 1, timezone: "Europe/Berlin" } });

    const res = await refresh(h, boardId, {});

    expect(await json(res)).toMatchObject({ idModel: boardId, records: 1 });
    expect(storedFor(h, boardId, boardId)).toEqual([
      { id: expect.any(String), scope: "board", value: { settings: { v: 1, timezone: "Europe/Berlin" } } },
    ]);
  });

  it("refreshes the board's pluginData when the request has no body at all", async () => {
    const { boardId } = await connected(h);
    h.sim.setPluginData({ scope: "board", idModel: boardId }, { settings: { v: 1 } });

    const res = await fetch(`${h.baseUrl}/api/boards/${boardId}/plugin-data/refresh`, {
      method: "POST",
      headers: { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}` },
    });

    expect(res.status).toBe(200);
    expect(storedFor(h, boardId, boardId)).toHaveLength(1);
  });

  it("When the same card is refreshed many times at once, then Trello is read at most twice and the newest value is stored", async () => {
    const { boardId, cardIds } = await connected(h);
    const [card] = cardIds as [string];
    // A window long enough that no earlier request leaves it while we count.
    h.sim.setRateLimits({ intervalMs: 3_600_000 });
    const used = async () => {
      const probe = await fetch(`${h.simInfo.baseUrl}/1/members/me?key=${h.simInfo.key}&token=${h.simInfo.token}`);
      return (
        Number(probe.headers.get("x-rate-limit-api-token-max")) -
        Number(probe.headers.get("x-rate-limit-api-token-remaining"))
      );
    };
    const before = await used();
    h.sim.setFaults({ latencyMs: 100 });
    h.sim.setPluginData({ scope: "card", idModel: card }, { roles: { v: 2 } });
    const jwt = await h.sim.mintJwt({ idBoard: boardId });

    const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(h, boardId, { idCard: card }, jwt)));
    h.sim.clearFaults();

    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // Two reads (the one running and one queued behind it) plus the second probe.
    expect((await used()) - before).toBeLessThanOrEqual(3);
    expect(storedFor(h, boardId, card)).toEqual([
      { id: expect.any(String), scope: "card", value: { roles: { v: 2 } } },
    ]);
  });

  describe("refusals change nothing", () => {
    let board: Board;
    let before: unknown[];
    beforeEach(async () => {
      board = await connected(h);
      h.sim.setPluginData({ scope: "card", idModel: board.cardIds[0]! }, { roles: { v: 1 } });
      expect((await refresh(h, board.boardId, { idCard: board.cardIds[0] })).status).toBe(200);
      // Saved on Trello but not yet read: a refusal must not read it either.
      h.sim.setPluginData({ scope: "card", idModel: board.cardIds[0]! }, { roles: { v: 2 } });
      before = pluginDataRows(h);
    });
    const expectRefused = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      const body = await json(res);
      expect(body.error.code).toBe(code);
      expect(pluginDataRows(h)).toEqual(before);
      return body.error.message as string;
    };

    it("When the card is on another board (connected too), then the refresh is refused with 404", async () => {
      const elsewhere = await connected(h, "Partner board");
      h.sim.setPluginData({ scope: "card", idModel: elsewhere.cardIds[0]! }, { roles: { v: 1 } });
      before = pluginDataRows(h);

      await expectRefused(await refresh(h, board.boardId, { idCard: elsewhere.cardIds[0] }), 404, "CARD_NOT_ON_BOARD");
      expect(storedFor(h, elsewhere.boardId, elsewhere.cardIds[0]!)).toEqual([]);
    });

    it("When the card was deleted on Trello, then the refresh is refused with 404", async () => {
      h.sim.deleteCard(board.cardIds[1]!);
      await h.settle();
      before = pluginDataRows(h);
      const message = await expectRefused(
        await refresh(h, board.boardId, { idCard: board.cardIds[1] }),
        404,
        "CARD_NOT_ON_BOARD",
      );
      expect(message).toBe(`Trello has no card ${board.cardIds[1]}`);
    });

    it.each([
      ["no JWT", "", 401, "JWT_MISSING"],
      ["a JWT that is not one", "not.a.jwt", 401, "JWT_INVALID"],
    ])("refuses %s with 401", async (_what, jwt, status, code) => {
      const res = await fetch(`${h.baseUrl}/api/boards/${board.boardId}/plugin-data/refresh`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
        body: JSON.stringify({ idCard: board.cardIds[0] }),
      });
      await expectRefused(res, status, code);
    });

    it("refuses an expired JWT with 401", async () => {
      const jwt = await h.sim.mintJwt({ idBoard: board.boardId, expired: true });
      await expectRefused(await refresh(h, board.boardId, { idCard: board.cardIds[0] }, jwt), 401, "JWT_EXPIRED");
    });

    it("refuses a JWT for another board with 403", async () => {
      const jwt = await h.sim.mintJwt({ idBoard: "5e93ba98614ac22d22f085c4" });
      await expectRefused(await refresh(h, board.boardId, { idCard: board.cardIds[0] }, jwt), 403, "WRONG_BOARD");
    });

    it("When the board is not connected, then the refresh is refused with 404 NOT_CONNECTED, as the connection routes answer", async () => {
      const loose = seedBoard(h, "Not connected");
      h.sim.setPluginData({ scope: "card", idModel: loose.cardIds[0]! }, { roles: { v: 1 } });
      await expectRefused(await refresh(h, loose.boardId, { idCard: loose.cardIds[0] }), 404, "NOT_CONNECTED");
    });

    it.each([
      ["too short", "abc"],
      ["not hex", "z".repeat(24)],
      ["upper-case hex", "A".repeat(24)],
      ["a number", 42],
      ["null", null],
    ])("refuses an idCard that is %s with 400 naming the field", async (_what, idCard) => {
      const message = await expectRefused(await refresh(h, board.boardId, { idCard }), 400, "INVALID_PAYLOAD");
      expect(message).toMatch(/^body\.idCard: /);
    });

    it("refuses a body that is not sent as JSON with 400, rather than refreshing the board instead of the card", async () => {
      const res = await fetch(`${h.baseUrl}/api/boards/${board.boardId}/plugin-data/refresh`, {
        method: "POST",
        headers: { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: board.boardId })}` },
        body: JSON.stringify({ idCard: board.cardIds[0] }),
      });
      await expectRefused(res, 400, "BAD_REQUEST");
    });

    it("When Trello is down, then the refresh answers 503 and keeps what was stored", async () => {
      h.sim.setFaults({ errorRate: 1 });
      const res = await refresh(h, board.boardId, { idCard: board.cardIds[0] });
      h.sim.clearFaults();
      await expectRefused(res, 503, "TRELLO_UNAVAILABLE");
      expect(storedFor(h, board.boardId, board.cardIds[0]!)).toEqual([
        { id: expect.any(String), scope: "card", value: { roles: { v: 1 } } },
      ]);
    });

    it("When the stored token is no longer accepted, then the refresh answers 409 TOKEN_INVALID", async () => {
      await fetch(`${h.simInfo.baseUrl}/1/tokens/${h.simInfo.token}?key=${h.simInfo.key}&token=${h.simInfo.token}`, {
        method: "DELETE",
      });
      await expectRefused(await refresh(h, board.boardId, { idCard: board.cardIds[0] }), 409, "TOKEN_INVALID");
    });
  });
});
