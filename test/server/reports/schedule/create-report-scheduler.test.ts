import path from "node:path";
import { loadConfig } from "../../../../server/config/load-config";
import { createLogger } from "../../../../server/log/create-logger";
import {
  createReportScheduler,
  MONTH_CLOSE_GRACE_MS,
} from "../../../../server/reports/schedule/create-report-scheduler";
import { createStore, type Store } from "../../../../server/store/create-store";
import { openDatabase } from "../../../../server/store/open-database";
import { startService } from "../../../../server/start-service";
import { createActionIngester } from "../../../../server/sync/create-action-ingester";
import { BoardStory } from "../../../support/board-story";
import { makeTempDir } from "../../../support/test-app";

const PLUGIN_ID = "5f0000000000000000000001";
const UTC_BOARD = { id: "5e93ba98614ac22d22f085c4", name: "Client Portal", shortLink: "y1TF9GTa" };
const CHATHAM_BOARD = { id: "6a11ba98614ac22d22f085c5", name: "Chatham Islands ferry", shortLink: "c1TF9GTb" };

/**
 * A board with a card created, finished and commented every month from February to August 2026. Each board's story
 * runs at its own minute, as BoardStory's action ids come from their dates.
 */
function seedBoard(store: Store, board: typeof UTC_BOARD): void {
  const story = new BoardStory(board);
  const minute = board === UTC_BOARD ? "00" : "07";
  const todo = story.createList(`2026-02-01T09:${minute}:00Z`, "To do");
  const done = story.createList(`2026-02-01T09:${minute}:00Z`, "Done");
  for (let month = 2; month <= 8; month += 1) {
    const day = `2026-${String(month).padStart(2, "0")}-15`;
    const card = story.createCard(`${day}T09:${minute}:00Z`, todo, `Deliverable ${month}`);
    story.moveCard(`${day}T12:${minute}:00Z`, card, done);
    story.comment(`${day}T13:${minute}:00Z`, card, "Shipped");
  }
  const ingest = createActionIngester(store);
  for (const action of story.actions)
    ingest(action, JSON.stringify(action), { fallbackBoardId: board.id, source: "webhook" });
}

function connect(store: Store, boardId: string, connectedAt: string, status: "ready" | "syncing" = "ready"): void {
  store.connections.save({
    boardId,
    memberId: "5e679b808e6e8828784b30e1",
    tokenSealed: "sealed",
    webhookId: null,
    status,
    lastError: null,
    connectedAt,
    updatedAt: connectedAt,
  });
}

function saveSettings(store: Store, boardId: string, settings: Record<string, unknown>): void {
  const value = {
    v: 1,
    doneLists: [],
    sprintDays: 14,
    reportAudience: "internal",
    reportOnMonthClose: true,
    ...settings,
  };
  store.pluginData.replaceModel(
    boardId,
    boardId,
    [
      {
        id: `pd${boardId}`,
        idPlugin: PLUGIN_ID,
        scope: "board",
        idModel: boardId,
        access: "shared",
        value: JSON.stringify({ settings: value }),
      },
    ],
    "2026-02-01T00:00:00Z",
  );
  if (typeof settings.timezone === "string")
    store.boardSettings.save({ boardId, timezone: settings.timezone, doneListIds: null });
}

const scheduledMonths = (store: Store, boardId: string) =>
  store.reportSnapshots
    .listBoard(boardId)
    .filter((s) => s.createdBy === "schedule")
    .map((s) => `${s.month}/${s.audience}`)
    .sort();

describe("the month-close report schedule", () => {
  const temp = makeTempDir();
  const log = createLogger("silent");
  let file: string;
  let n = 0;
  beforeEach(() => {
    n += 1;
    file = path.join(temp.dir, `loop-${n}.db`);
  });
  afterAll(() => temp.remove());

  /** A service lifetime: opens the database, runs the schedule as start-up does, and hands back a clock to move. */
  async function lifetime(
    at: string,
    during: (tick: (at: string) => Promise<string[]>, store: Store) => Promise<void> = async () => undefined,
  ): Promise<string[]> {
    const db = openDatabase(file);
    const store = createStore(db);
    let now = Date.parse(at);
    const scheduler = createReportScheduler({ store, log, now: () => now });
    const months = (metas: { month: string }[]) => metas.map((m) => m.month);
    try {
      const atStart = months(await scheduler.runOnce());
      await during(async (later) => {
        now = Date.parse(later);
        return months(await scheduler.runOnce());
      }, store);
      return atStart;
    } finally {
      await scheduler.stop();
      db.close();
    }
  }

  it("produces each closed month exactly once across restarts, catching up at start on months closed while it was down", async () => {
    const setup = openDatabase(file);
    const store = createStore(setup);
    seedBoard(store, UTC_BOARD);
    connect(store, UTC_BOARD.id, "2026-03-10T08:00:00Z");
    setup.close();

    // First run: March is still open; then the clock passes its end (and the grace period).
    const first: string[][] = [];
    expect(
      await lifetime("2026-03-20T12:00:00Z", async (tick) => {
        first.push(await tick("2026-03-31T23:59:00Z"));
        first.push(await tick("2026-04-01T00:10:00Z"));
        first.push(await tick(new Date(Date.parse("2026-04-01T00:00:00Z") + MONTH_CLOSE_GRACE_MS).toISOString()));
        first.push(await tick("2026-04-20T00:00:00Z"));
      }),
    ).toEqual([]);
    expect(first).toEqual([[], [], ["2026-03"], []]);

    // Down from 20 April to 2 May: April closed meanwhile and is caught up at start; a later tick adds nothing.
    expect(
      await lifetime("2026-05-02T08:00:00Z", async (tick) => expect(await tick("2026-05-20T08:00:00Z")).toEqual([])),
    ).toEqual(["2026-04"]);

    // Down again across two month ends (May and June): both at start, oldest first; a second restart repeats nothing.
    expect(await lifetime("2026-07-03T08:00:00Z")).toEqual(["2026-05", "2026-06"]);
    expect(await lifetime("2026-07-03T09:00:00Z")).toEqual([]);

    const db = openDatabase(file);
    const after = createStore(db);
    expect(scheduledMonths(after, UTC_BOARD.id)).toEqual([
      "2026-03/internal",
      "2026-04/internal",
      "2026-05/internal",
      "2026-06/internal",
    ]);
    // Each is that month's report, made by the schedule.
    const april = after.reportSnapshots.listBoard(UTC_BOARD.id).find((s) => s.month === "2026-04")!;
    expect(JSON.parse(after.reportSnapshots.get(UTC_BOARD.id, april.id)!.modelJson)).toMatchObject({
      period: { month: "2026-04" },
      cards: { created: 1, completed: 1 },
      comments: 1,
    });
    db.close();
  });

  it("closes a Pacific/Chatham board's month in its own time zone, before UTC's month ends", async () => {
    const setup = openDatabase(file);
    const store = createStore(setup);
    seedBoard(store, UTC_BOARD);
    seedBoard(store, CHATHAM_BOARD);
    connect(store, UTC_BOARD.id, "2026-03-01T00:00:00Z");
    connect(store, CHATHAM_BOARD.id, "2026-03-01T00:00:00Z");
    saveSettings(store, CHATHAM_BOARD.id, { timezone: "Pacific/Chatham", reportAudience: "client" });
    setup.close();

    // 31 March 10:15 UTC is 1 April 00:00 in Chatham (+13:45).
    const chathamClose = Date.parse("2026-03-31T10:15:00Z") + MONTH_CLOSE_GRACE_MS;
    const ticks: string[][] = [];
    await lifetime("2026-03-31T10:00:00Z", async (tick, liveStore) => {
      ticks.push(await tick(new Date(chathamClose).toISOString()));
      expect(scheduledMonths(liveStore, CHATHAM_BOARD.id)).toEqual(["2026-03/client"]);
      expect(scheduledMonths(liveStore, UTC_BOARD.id)).toEqual([]);
      const chatham = liveStore.reportSnapshots.listBoard(CHATHAM_BOARD.id)[0]!;
      expect(chatham.timezone).toBe("Pacific/Chatham");
      expect(JSON.parse(liveStore.reportSnapshots.get(CHATHAM_BOARD.id, chatham.id)!.modelJson)).toMatchObject({
        audience: "client",
        period: {
          month: "2026-03",
          timezone: "Pacific/Chatham",
          start: "2026-02-28T10:15:00.000Z",
          end: "2026-03-31T10:15:00.000Z",
        },
      });
      ticks.push(await tick("2026-04-01T00:30:00Z"));
    });
    expect(ticks).toEqual([["2026-03"], ["2026-03"]]);
  });

  it("leaves out boards whose settings turn it off, boards still syncing, and months closed before the board was connected", async () => {
    const setup = openDatabase(file);
    const store = createStore(setup);
    seedBoard(store, UTC_BOARD);
    seedBoard(store, CHATHAM_BOARD);
    connect(store, UTC_BOARD.id, "2026-04-10T00:00:00Z");
    saveSettings(store, UTC_BOARD.id, { reportOnMonthClose: false });
    connect(store, CHATHAM_BOARD.id, "2026-04-10T00:00:00Z", "syncing");
    setup.close();

    expect(await lifetime("2026-05-02T00:00:00Z")).toEqual([]);

    const db = openDatabase(file);
    const later = createStore(db);
    saveSettings(later, UTC_BOARD.id, { reportOnMonthClose: true });
    connect(later, CHATHAM_BOARD.id, "2026-04-10T00:00:00Z", "ready");
    db.close();
    // Switched on (and synced): April, the month they were connected in; never March, which closed before.
    expect(await lifetime("2026-05-02T01:00:00Z")).toEqual(["2026-04", "2026-04"]);
  });

  it("carries on from the last month produced when the board's report audience changes, instead of redoing months", async () => {
    const setup = openDatabase(file);
    const store = createStore(setup);
    seedBoard(store, UTC_BOARD);
    connect(store, UTC_BOARD.id, "2026-02-10T00:00:00Z");
    setup.close();
    expect(await lifetime("2026-04-02T00:00:00Z")).toEqual(["2026-02", "2026-03"]);

    const db = openDatabase(file);
    saveSettings(createStore(db), UTC_BOARD.id, { reportAudience: "client" });
    db.close();
    expect(await lifetime("2026-05-02T00:00:00Z")).toEqual(["2026-04"]);

    const check = openDatabase(file);
    expect(scheduledMonths(createStore(check), UTC_BOARD.id)).toEqual([
      "2026-02/internal",
      "2026-03/internal",
      "2026-04/client",
    ]);
    check.close();
  });

  it("runs in the started service: a month that closed while it was down is produced at start, once", async () => {
    const setup = openDatabase(file);
    const store = createStore(setup);
    seedBoard(store, UTC_BOARD);
    connect(store, UTC_BOARD.id, "2026-03-10T08:00:00Z");
    setup.close();
    const config = loadConfig({ PORT: "0", DATABASE_PATH: file, LOG_LEVEL: "silent" });

    for (const restart of [1, 2]) {
      const service = await startService(config, log, { now: () => Date.parse("2026-04-02T08:00:00Z") + restart });
      const live = createStore(service.db);
      for (let waited = 0; scheduledMonths(live, UTC_BOARD.id).length === 0 && waited < 5_000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      await service.close();
    }

    const db = openDatabase(file);
    expect(scheduledMonths(createStore(db), UTC_BOARD.id)).toEqual(["2026-03/internal"]);
    db.close();
  });
});
