import { createReportSnapshot } from "../../../../server/reports/snapshots/create-report-snapshot";
import { renderSnapshot } from "../../../../server/reports/snapshots/render-snapshot";
import { reportContentHash } from "../../../../server/reports/snapshots/report-content-hash";
import { SCHEDULE_AUTHOR } from "../../../../server/store/report-snapshots-store";
import { LoopBoard } from "../model/loop-board";

const MEMBER = "5e679b808e6e8828784b30e1";

describe("report snapshots", () => {
  let board: LoopBoard;
  beforeEach(() => {
    board = new LoopBoard();
    const { story } = board;
    const todo = story.createList("2026-02-20T09:00:00Z", "To do");
    const done = story.createList("2026-02-20T09:00:00Z", "Done");
    const brief = story.createCard("2026-03-05T10:00:00Z", todo, "Write the brief");
    story.moveCard("2026-03-10T10:00:00Z", brief, done);
    story.comment("2026-03-11T10:00:00Z", brief, "Agreed with Dana");
    board.ingest();
  });
  afterEach(() => board.close());

  const snapshot = (
    createdBy = MEMBER,
    audience: "internal" | "client" = "internal",
    now = Date.parse("2026-04-02T08:00:00Z"),
  ) => createReportSnapshot(board.store, { boardId: board.boardId, month: "2026-03", audience, createdBy, now });

  it("stores the model and its JSON, HTML and Markdown renderings as version 1, with who and when", async () => {
    const stored = (await snapshot())!;

    expect(stored).toMatchObject({
      boardId: board.boardId,
      month: "2026-03",
      timezone: "UTC",
      audience: "internal",
      version: 1,
      createdBy: MEMBER,
      createdAt: "2026-04-02T08:00:00.000Z",
    });
    const model = JSON.parse(stored.modelJson);
    expect(model).toMatchObject({
      period: { month: "2026-03" },
      cards: { created: 1, completed: 1 },
      comments: 1,
      generatedAt: "2026-04-02T08:00:00.000Z",
    });
    expect(stored.contentHash).toBe(reportContentHash(model));
    expect(stored.html).toContain("Monthly report: Client Portal, March 2026");
    expect(stored.markdown).toMatch(/^#.*Client Portal/m);
    expect(board.store.reportSnapshots.get(board.boardId, stored.id)).toEqual(stored);
  });

  it("keeps a stored snapshot as it was when later edits and late deliveries change the month; regenerating makes version 2", async () => {
    const first = (await snapshot())!;

    // After the report was sent: a late delivery for March and a renamed card.
    const todo = { id: board.story.actions[0].data.list.id, name: "To do" };
    const done = { id: board.story.actions[1].data.list.id, name: "Done" };
    const late = board.story.createCard("2026-03-30T16:00:00Z", todo, "Hosting quote");
    board.story.moveCard("2026-03-31T16:00:00Z", late, done);
    board.story.renameCard("2026-04-03T09:00:00Z", late, "Hosting quote (final)");
    board.ingest();

    expect(board.store.reportSnapshots.get(board.boardId, first.id)).toEqual(first);
    const second = (await snapshot(MEMBER, "internal", Date.parse("2026-04-04T08:00:00Z")))!;
    expect(second.version).toBe(2);
    expect(JSON.parse(second.modelJson).cards).toEqual({ created: 2, completed: 2 });
    expect(second.contentHash).not.toBe(first.contentHash);
    // Version 1 still says what was sent.
    const again = board.store.reportSnapshots.get(board.boardId, first.id)!;
    expect(JSON.parse(again.modelJson).cards.created).toBe(1);
    expect(again).toEqual(first);
    expect(board.store.reportSnapshots.listBoard(board.boardId).map((s) => s.version)).toEqual([2, 1]);
    // CSV and PDF are rendered on request, from each version's frozen model: version 1's still count one completion.
    const completedIn = async (stored: typeof first) => {
      const csv = String((await renderSnapshot(stored, "csv", { csvTable: "throughput" })).body);
      return csv
        .trim()
        .split("\n")
        .slice(1)
        .reduce((sum, line) => sum + Number(line.split(",").at(-1)), 0);
    };
    await expect(completedIn(again)).resolves.toBe(1);
    await expect(completedIn(second)).resolves.toBe(2);
  });

  it("gives the same content hash to a regeneration of unchanged data, though generatedAt differs", async () => {
    const first = (await snapshot(MEMBER, "internal", Date.parse("2026-04-02T08:00:00Z")))!;
    const second = (await snapshot(MEMBER, "internal", Date.parse("2026-04-02T09:30:00Z")))!;

    expect(second.version).toBe(2);
    expect(JSON.parse(second.modelJson).generatedAt).not.toBe(JSON.parse(first.modelJson).generatedAt);
    expect(second.contentHash).toBe(first.contentHash);
  });

  it("refuses an UPDATE of a snapshot in the database itself", async () => {
    const stored = (await snapshot())!;

    expect(() =>
      board.store.db.prepare("UPDATE report_snapshots SET html = 'edited' WHERE id = ?").run(stored.id),
    ).toThrow(/immutable/);
    expect(() => board.store.db.prepare("UPDATE report_snapshots SET version = 9").run()).toThrow(/immutable/);
    expect(board.store.reportSnapshots.get(board.boardId, stored.id)).toEqual(stored);
  });

  it("numbers versions per board, month and audience", async () => {
    const internal1 = (await snapshot(MEMBER, "internal"))!;
    const client1 = (await snapshot(MEMBER, "client"))!;
    const internal2 = (await snapshot(MEMBER, "internal"))!;

    expect([internal1.version, client1.version, internal2.version]).toEqual([1, 1, 2]);
    expect(JSON.parse(client1.modelJson).audience).toBe("client");
  });

  it("stores the schedule's snapshot of a month once, even when a second run or a raw insert tries again", async () => {
    const scheduled = (await snapshot(SCHEDULE_AUTHOR))!;
    expect(scheduled.version).toBe(1);

    await expect(snapshot(SCHEDULE_AUTHOR)).resolves.toBeUndefined();
    const raw = board.store.db.prepare(
      `INSERT INTO report_snapshots (id, board_id, month, timezone, audience, version, model_json, html, markdown, content_hash, created_by, created_at)
       VALUES ('other', ?, '2026-03', 'UTC', 'internal', 7, '{}', '', '', 'x', 'schedule', '2026-04-02T00:00:00Z')`,
    );
    expect(() => raw.run(board.boardId)).toThrow(/UNIQUE/);
    // A member may still regenerate the month.
    await expect(snapshot(MEMBER)).resolves.toMatchObject({ version: 2, createdBy: MEMBER });
  });

  it("stores nothing for a board the database has no data for", async () => {
    await expect(
      createReportSnapshot(board.store, {
        boardId: "000000000000000000000000",
        month: "2026-03",
        audience: "internal",
        createdBy: MEMBER,
      }),
    ).rejects.toMatchObject({ code: "UNKNOWN_BOARD" });
    expect(board.store.reportSnapshots.listBoard("000000000000000000000000")).toEqual([]);
  });
});
