import { createTrelloSimulator, type TrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import { createLogger } from "../../../server/log/create-logger";
import { loadMonthlyReport } from "../../../server/reports/load-monthly-report";
import { createActionIngester } from "../../../server/sync/create-action-ingester";
import { syncBoard } from "../../../server/sync/sync-board";
import { createTrelloClient } from "../../../server/trello/create-trello-client";
import { seedMarchBoard as seed } from "../../support/seed-march-board";
import { createTestApp, type TestApp } from "../../support/test-app";

describe("syncBoard against the Trello simulator over HTTP", () => {
  let sim: TrelloSimulator;
  let t: TestApp;
  beforeEach(() => {
    sim = createTrelloSimulator({ jwtModulusLength: 1024 });
    t = createTestApp();
  });
  afterEach(async () => {
    await sim.close();
    t.close();
  });

  async function run(boardId: string, options: { maxAttempts?: number; pluginId?: string } = {}) {
    const info = await sim.listen(0).catch(() => sim.info());
    const client = createTrelloClient({
      apiBase: info.baseUrl,
      apiKey: info.key,
      maxAttempts: options.maxAttempts ?? 8,
      timeoutMs: 5_000,
      pluginId: options.pluginId,
    });
    const deps = { client, store: t.store, log: createLogger("silent") };
    return syncBoard(deps, { boardId, token: info.token });
  }

  it("pages a history of more than 5,000 actions into the store and reports from it", async () => {
    const { boardId } = seed(sim, 2_100);
    const total = sim.boardActions(boardId, { limit: 1000 }).length;
    expect(total).toBe(1000);
    const result = await run(boardId);
    expect(result.actionsRead).toBeGreaterThan(5_000);
    expect(result.actionsStored).toBe(result.actionsRead);
    expect(result.invalidActions).toBe(0);
    expect(loadMonthlyReport(t.store, { boardId, month: "2026-03" })).toMatchObject({
      cards: { created: 2_100, completed: 1_050 },
      comments: 2_100,
    });
    expect(t.store.syncState.get(boardId)).toMatchObject({ backfillComplete: true });
  });

  it("gets complete data with no duplicates through 5xx, dropped connections and 429s", async () => {
    const { boardId } = seed(sim, 1_200);
    sim.setFaults({ seed: 7, errorRate: 0.2, dropRate: 0.1, next429s: 2 });
    const result = await run(boardId);
    sim.clearFaults();
    expect(t.store.actions.count()).toBe(result.actionsStored);
    expect(loadMonthlyReport(t.store, { boardId, month: "2026-03" })).toMatchObject({
      cards: { created: 1_200, completed: 600 },
      comments: 1_200,
    });
  });

  it("reads the board's and the cards' pluginData, and drops what was removed on Trello", async () => {
    const { boardId, todo: todoListId } = seed(sim, 2);
    const card = sim.createCard(todoListId, { name: "Stakeholder: ACME CFO" });
    sim.setPluginData({ scope: "board", idModel: boardId }, { settings: { v: 1, timezone: "Europe/Berlin" } });
    sim.setPluginData({ scope: "card", idModel: card.id as string }, { stakeholder: { v: 1, kind: "client" } });
    await run(boardId);
    const stored = t.store.pluginData.listBoard(boardId);
    expect(stored.map((r) => [r.scope, r.idModel, JSON.parse(r.value)])).toEqual(
      expect.arrayContaining([
        ["board", boardId, { settings: { v: 1, timezone: "Europe/Berlin" } }],
        ["card", card.id, { stakeholder: { v: 1, kind: "client" } }],
      ]),
    );
    expect(stored).toHaveLength(2);
    sim.deleteCard(card.id as string);
    await run(boardId);
    expect(t.store.pluginData.listBoard(boardId).map((r) => r.scope)).toEqual(["board"]);
  });

  it("leaves out other Power-Ups' pluginData when our Power-Up id is configured, so their keys never pass for ours", async () => {
    const { boardId, todo } = seed(sim, 2);
    const card = sim.createCard(todo, { name: "Kick-off" }).id as string;
    const foreign = "5f00000000000000000000ff";
    sim.setPluginData({ scope: "board", idModel: boardId, idPlugin: foreign }, { settings: { theme: "dark" } });
    sim.setPluginData({ scope: "card", idModel: card, idPlugin: foreign }, { scope: "sprint-poker" });
    sim.setPluginData(
      { scope: "card", idModel: card },
      { roles: { v: 1, responsible: [], consulted: [], informed: [] } },
    );
    await run(boardId, { pluginId: sim.pluginId });
    const stored = t.store.pluginData.listBoard(boardId);
    expect(stored.map((r) => [r.idPlugin, r.scope, Object.keys(JSON.parse(r.value))])).toEqual([
      [sim.pluginId, "card", ["roles"]],
    ]);
  });

  it("keeps a webhook stored while the snapshot was being read, instead of overwriting it with the older read", async () => {
    const { boardId, todo, done } = seed(sim, 3);
    const info = await sim.listen(0);
    const client = createTrelloClient({ apiBase: info.baseUrl, apiKey: info.key });
    const ingest = createActionIngester(t.store);
    const card = sim.createCard(todo, { name: "Moved during the read", at: "2026-03-10T00:00:00Z" });
    const racing = {
      ...client,
      // The cards are read, then the card moves on Trello and its webhook is stored before the read is applied.
      getCards: async (...args: Parameters<typeof client.getCards>) => {
        const cards = await client.getCards(...args);
        const [move] = sim.moveCard(card.id as string, done, { at: "2026-03-10T00:05:00Z" }) as any[];
        ingest(move, JSON.stringify(move), { fallbackBoardId: boardId, source: "webhook" });
        return cards;
      },
    };
    await syncBoard({ client: racing, store: t.store, log: createLogger("silent") }, { boardId, token: info.token });
    expect(t.store.cards.get(card.id as string)?.fields.listId).toBe(done);
  });

  it("lets an action newer than the synced history win over the snapshot, whatever the service's clock says", async () => {
    const { boardId, todo: todoListId } = seed(sim, 3);
    const info = await sim.listen(0);
    const client = createTrelloClient({ apiBase: info.baseUrl, apiKey: info.key });
    const ingest = createActionIngester(t.store);
    const aheadClock = () => new Date("2031-01-01T00:00:00Z");
    await syncBoard(
      { client, store: t.store, log: createLogger("silent"), now: aheadClock },
      { boardId, token: info.token },
    );
    const [rename] = sim.updateList(todoListId, { name: "Done", at: "2026-03-20T00:00:00Z" }) as any[];
    ingest(rename, JSON.stringify(rename), { fallbackBoardId: boardId, source: "webhook" });
    expect(t.store.lists.get(todoListId)?.fields.name).toBe("Done");
  });

  it("carries on where an interrupted sync stopped, then catches up on what came since", async () => {
    const { boardId, todo: todoListId } = seed(sim, 1_200);
    const info = await sim.listen(0);
    // Let two pages through, then fail every request: the sync stops part-way.
    let served = 0;
    const client = createTrelloClient({ apiBase: info.baseUrl, apiKey: info.key, maxAttempts: 1, timeoutMs: 5_000 });
    const flaky = {
      ...client,
      getActionsPage: async (...args: Parameters<typeof client.getActionsPage>) => {
        served += 1;
        if (served > 2) throw new Error("connection lost");
        return client.getActionsPage(...args);
      },
    };
    const deps = { client: flaky, store: t.store, log: createLogger("silent") };
    await expect(syncBoard(deps, { boardId, token: info.token })).rejects.toThrow("connection lost");
    const partial = t.store.syncState.get(boardId);
    expect(partial.backfillComplete).toBe(false);
    expect(t.store.actions.count()).toBe(2_000);

    const card = sim.createCard(todoListId, { name: "Late arrival", at: "2026-03-30T12:00:00Z" });
    await run(boardId);
    expect(t.store.syncState.get(boardId).backfillComplete).toBe(true);
    expect(t.store.cards.get(card.id as string)?.fields.name).toBe("Late arrival");
    expect(loadMonthlyReport(t.store, { boardId, month: "2026-03" }).cards.created).toBe(1_201);
  });
});
