import fs from "node:fs";
import path from "node:path";
import { loadMonthlyReport } from "../../server/reports/load-monthly-report";
import { createStore } from "../../server/store/create-store";
import { openDatabase } from "../../server/store/open-database";
import { runNpmScript } from "../support/run-npm";
import { startServiceWithSim, TEST_TOKEN_KEY, type ServiceWithSim } from "../support/service-with-sim";

/** A board with February and March history, a renamed list and cards moved in and out of Done. */
function seed(h: ServiceWithSim) {
  const board = h.sim.createBoard({
    name: "Northwind partnership",
    lists: ["Backlog", "Doing", "Finishing"],
    at: "2026-01-20T09:00:00Z",
  });
  const [backlog, doing, finishing] = board.lists as { id: string }[];
  const cards: string[] = [];
  for (let i = 0; i < 300; i += 1) {
    const at = Date.parse("2026-02-01T00:00:00Z") + i * 3 * 3_600_000;
    const id = h.sim.createCard(backlog!.id, { name: `Item ${i}`, at }).id as string;
    cards.push(id);
    if (i % 3 === 0) h.sim.moveCard(id, doing!.id, { at: at + 3_600_000 });
    if (i % 4 === 0) h.sim.moveCard(id, finishing!.id, { at: at + 2 * 3_600_000 });
    if (i % 5 === 0) h.sim.addComment(id, `Comment on ${i}`, { at: at + 1_000 });
  }
  return { boardId: board.id as string, backlog: backlog!.id, doing: doing!.id, finishing: finishing!.id, cards };
}

const reconcile = (env: NodeJS.ProcessEnv, boardId: string, ...more: string[]) =>
  runNpmScript("reconcile", ["--board", boardId, ...more], env);

function reports(databasePath: string, boardId: string) {
  const db = openDatabase(databasePath);
  try {
    const store = createStore(db);
    return ["2026-01", "2026-02", "2026-03", new Date().toISOString().slice(0, 7)].map((month) =>
      loadMonthlyReport(store, { boardId, month, timezone: "Europe/Berlin" }),
    );
  } finally {
    db.close();
  }
}

/** The report CLI's JSON output for each month, as an outside tool would read it, less the moment it was made. */
async function reportOutputs(databasePath: string, boardId: string): Promise<unknown[]> {
  const months = ["2026-02", "2026-03", new Date().toISOString().slice(0, 7)];
  const outputs = await Promise.all(
    months.map((month) =>
      runNpmScript(
        "report",
        ["--board", boardId, "--month", month, "--timezone", "Europe/Berlin", "--format", "json"],
        { DATABASE_PATH: databasePath },
      ),
    ),
  );
  for (const output of outputs) expect(output.status).toBe(0);
  return outputs.map((output) => {
    const { generatedAt, ...report } = JSON.parse(output.stdout) as Record<string, unknown>;
    expect(Date.parse(String(generatedAt))).not.toBeNaN();
    return report;
  });
}

describe("npm run reconcile", () => {
  let h: ServiceWithSim;
  beforeEach(async () => {
    h = await startServiceWithSim();
  });
  afterEach(async () => {
    await h.close();
  });

  const envFor = (databasePath: string) => ({
    DATABASE_PATH: databasePath,
    TRELLO_API_KEY: h.simInfo.key,
    TRELLO_API_SECRET: h.simInfo.secret,
    TRELLO_API_BASE: h.simInfo.baseUrl,
    TRELLO_POWERUP_ID: h.sim.pluginId,
    TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    LOG_LEVEL: "warn",
  });

  // Seven CLI processes (a reconcile and six reports), each paying Node's start-up: a busy machine needs more than 30 s.
  it("rebuilds a deleted database from Trello alone, giving the same report JSON as the webhook-fed one", async () => {
    const board = seed(h);
    expect((await h.connect(board.boardId)).status).toBe(202);
    await h.settle();
    // Live work after connecting (dated now, as Trello dates it), reaching the service only as webhooks.
    h.sim.updateList(board.finishing, { name: "Done ✔" });
    h.sim.moveCard(board.cards[1]!, board.finishing);
    h.sim.moveCard(board.cards[4]!, board.backlog);
    h.sim.archiveCard(board.cards[7]!);
    h.sim.addComment(board.cards[2]!, "Live comment");
    await h.settle();
    const webhookFed = reports(h.config.databasePath, board.boardId);
    expect(webhookFed[1]!.cards.created + webhookFed[2]!.cards.created).toBe(300);
    // "Finishing" became "Done ✔": the cards that entered it count as completed, and the live move too.
    expect(webhookFed[2]!.cards.completed).toBeGreaterThan(0);
    expect(webhookFed[3]!).toMatchObject({ cards: { created: 0, completed: 1 }, comments: 1 });

    const rebuiltPath = path.join(h.dir, "rebuilt.db");
    const result = await reconcile(
      { ...envFor(rebuiltPath), TRELLO_TOKEN: h.simInfo.token },
      board.boardId,
      "--create",
    );
    expect(result.stderr).toMatch(/history: \d+ actions, \d+ pages/);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ board: board.boardId, invalidActions: 0 });
    // The reconcile built the report checkpoints from the history it read: one at each month start (UTC, the board's zone).
    const rebuiltDb = openDatabase(rebuiltPath);
    expect(createStore(rebuiltDb).checkpoints.instants(board.boardId)).toEqual(
      expect.arrayContaining([Date.parse("2026-02-01T00:00:00Z"), Date.parse("2026-03-01T00:00:00Z")]),
    );
    rebuiltDb.close();
    expect(reports(rebuiltPath, board.boardId)).toEqual(webhookFed);
    expect(await reportOutputs(rebuiltPath, board.boardId)).toEqual(
      await reportOutputs(h.config.databasePath, board.boardId),
    );
  }, 90_000);

  it("repairs deliveries the service missed, using the connection's stored token", async () => {
    const board = seed(h);
    await h.connect(board.boardId);
    await h.settle();
    h.sim.pauseDeliveries();
    const missed = h.sim.createCard(board.backlog, { name: "Missed while offline", at: "2026-03-10T10:00:00Z" });
    h.sim.moveCard(missed.id as string, board.finishing, { at: "2026-03-11T10:00:00Z" });
    const before = reports(h.config.databasePath, board.boardId)[2]!;

    const result = await reconcile(envFor(h.config.databasePath), board.boardId);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ actionsStored: 2 });
    const after = reports(h.config.databasePath, board.boardId)[2]!;
    expect(after.cards.created).toBe(before.cards.created + 1);
    const db = openDatabase(h.config.databasePath);
    expect(createStore(db).cards.get(missed.id as string)?.fields).toMatchObject({
      name: "Missed while offline",
      listId: board.finishing,
    });
    db.close();

    h.sim.resumeDeliveries();
    await h.settle();
    expect(reports(h.config.databasePath, board.boardId)[2]).toEqual(after);
  });

  it("refuses a missing database unless asked to create one, and then only with a token, leaving no file behind", async () => {
    const missing = path.join(h.dir, "typo.db");
    const refused = await reconcile({ ...envFor(missing), TRELLO_TOKEN: h.simInfo.token }, "5e93ba98614ac22d22f085c4");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `No database at ${missing}: set DATABASE_PATH to the service's database, or pass --create`,
    );
    const tokenless = await reconcile(envFor(missing), "5e93ba98614ac22d22f085c4", "--create");
    expect(tokenless.status).toBe(2);
    expect(tokenless.stderr).toMatch(/set TRELLO_TOKEN/);
    expect(fs.readdirSync(h.dir).filter((name) => name.startsWith("typo.db"))).toEqual([]);
  });

  it("says how to proceed for a board that is not connected and no token is given", async () => {
    openDatabase(path.join(h.dir, "empty.db")).close();
    const result = await reconcile(envFor(path.join(h.dir, "empty.db")), "5e93ba98614ac22d22f085c4");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not connected in this database.*TRELLO_TOKEN/);
  });
});
