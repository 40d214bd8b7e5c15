import { buildBoardCheckpoints } from "../../../../server/history/build-board-checkpoints";
import { loadMonthlyReport } from "../../../../server/reports/load-monthly-report";
import { loadReportModel, readReportInput } from "../../../../server/reports/model/load-report-model";
import { LoopBoard } from "./loop-board";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

function stakeholder(name: string, buyIn = "neutral") {
  return {
    v: 1,
    name,
    type: "client",
    org: "Acme",
    influence: "high",
    interest: "high",
    channel: "email",
    cadenceDays: 14,
    buyIn,
    status: "active",
    initiation: { platform: true, roles: true, reviews: true, scope: false },
  };
}

describe("loadReportModel, as of the month", () => {
  let fixture: ReturnType<typeof marchLoopBoard>;
  beforeEach(() => {
    fixture = marchLoopBoard();
  });
  afterEach(() => fixture.board.close());
  const report = (month: string) =>
    loadReportModel(fixture.board.store, {
      boardId: fixture.board.boardId,
      month,
      audience: "internal",
      now: APRIL_10,
    });

  it("leaves last month's report unchanged by a stakeholder card added today and a buy-in changed today, while this month's shows both", () => {
    const { board, ids, lists } = fixture;
    const march = report("2026-03");
    const today = "2026-04-10T09:00:00.000Z";
    const erin = board.story.createCard(today, lists.backlog, "Erin (Acme CFO)");
    board.ingest();
    board.setLoopData(erin.id, { stakeholder: stakeholder("Erin Example") }, "2026-04-10T09:05:00.000Z");
    const alice = board.store.pluginData.listBoard(board.boardId).find((r) => r.idModel === ids.alice.id)!;
    const aliceData = JSON.parse(alice.value) as Record<string, unknown>;
    board.setLoopData(
      ids.alice.id,
      { ...aliceData, stakeholder: stakeholder("Alice Example", "champion") },
      "2026-04-10T09:10:00.000Z",
    );

    expect(report("2026-03")).toEqual(march);
    const aprilRows = report("2026-04").stakeholders.rows;
    expect(aprilRows.map((row) => row.name)).toContain("Erin Example");
    expect(aprilRows.find((row) => row.cardId === ids.alice.id)).toMatchObject({
      buyIn: "champion",
      buyInBefore: "supporter",
    });
    expect(march.stakeholders.rows.map((row) => row.name)).not.toContain("Erin Example");
    expect(march.stakeholders.rows.find((row) => row.cardId === ids.alice.id)).toMatchObject({
      buyIn: "supporter",
      buyInBefore: "neutral",
    });
  });

  it("leaves a card created after the month out of it, with its Loop records", () => {
    const { board, lists } = fixture;
    const late = board.story.createCard("2026-04-02T09:00:00Z", lists.backlog, "Launch");
    board.ingest();
    board.setLoopData(
      late.id,
      { milestone: { v: 1, stage: "execution", deliverable: "Launch", due: "2026-03-31", baselineDue: "2026-03-31" } },
      "2026-04-02T10:00:00.000Z",
    );

    const input = readReportInput(board.store, {
      boardId: board.boardId,
      month: "2026-03",
      audience: "internal",
      now: APRIL_10,
    });
    expect(input.cards.map((card) => card.id)).not.toContain(late.id);
    expect(input.endState.cards.has(late.id)).toBe(false);
    expect(report("2026-03").milestones.missed.map((m) => m.deliverable)).not.toContain("Launch");
  });

  it("gives each card its name and archived state as of the month's end", () => {
    const { board, ids } = fixture;
    board.story.renameCard("2026-04-03T09:00:00Z", ids.design, "Design sign-off (renamed in April)");
    board.story.archiveCard("2026-04-04T09:00:00Z", ids.design);
    board.ingest();
    const design = readReportInput(board.store, {
      boardId: board.boardId,
      month: "2026-03",
      audience: "internal",
      now: APRIL_10,
    }).cards.find((c) => c.id === ids.design.id);
    expect(design).toMatchObject({ name: "Design sign-off", archived: false });
  });

  it("says when a card sitting in a done list at the month's end entered it", () => {
    const { board, ids, lists } = fixture;
    board.story.moveCard("2026-03-18T09:00:00Z", ids.design, lists.done);
    board.ingest();
    const cards = readReportInput(board.store, {
      boardId: board.boardId,
      month: "2026-03",
      audience: "internal",
      now: APRIL_10,
    }).cards;
    expect(cards.find((c) => c.id === ids.design.id)?.enteredDoneMs).toBe(Date.parse("2026-03-18T09:00:00Z"));
    expect(cards.find((c) => c.id === ids.beta.id)?.enteredDoneMs).toBeUndefined();
  });

  it("reads no action dated after the month's end, and none before the checkpoint at its start", async () => {
    const { board } = fixture;
    await buildBoardCheckpoints(board.store, board.boardId, { now: new Date(APRIL_10) });
    const reads: [number, number][] = [];
    const listForReplay = board.store.actions.listForReplay;
    board.store.actions.listForReplay = (boardId, fromMs, toMs) => {
      reads.push([fromMs, toMs]);
      return listForReplay(boardId, fromMs, toMs);
    };
    const model = report("2026-03");
    // The board reports in Berlin: March runs from 23:00 UTC on 28 February to 22:00 UTC on 31 March.
    expect(model.period).toMatchObject({ start: "2026-02-28T23:00:00.000Z", end: "2026-03-31T22:00:00.000Z" });
    expect(reads).toEqual([[Date.parse(model.period.start), Date.parse(model.period.end)]]);
  });
});

describe("Loop's own cards in a month's counts", () => {
  let b: LoopBoard;
  beforeEach(() => {
    b = new LoopBoard();
  });
  afterEach(() => b.close());

  /** A board with Loop's stakeholder and sprint cards, a Reports card with a posted report, and the team's work. */
  function boardWithLoopCards() {
    const s = b.story;
    const backlog = s.createList("2026-02-01T09:00:00Z", "Backlog");
    const stakeholders = s.createList("2026-02-01T09:00:00Z", "Stakeholders");
    const doing = s.createList("2026-02-01T09:00:00Z", "Doing");
    const done = s.createList("2026-02-01T09:00:00Z", "Done");
    const reports = s.createList("2026-02-01T09:00:00Z", "Reports");
    const alice = s.createCard("2026-03-02T09:00:00Z", stakeholders, "Alice");
    const sprint = s.createCard("2026-03-02T09:05:00Z", doing, "Sprint 1");
    const reportCard = s.createCard("2026-03-03T09:00:00Z", reports, "Report 2026-02");
    s.comment("2026-03-03T09:01:00Z", reportCard, "## Monthly report …");
    s.comment("2026-03-04T09:00:00Z", alice, "Update sent");
    s.moveCard("2026-03-20T09:00:00Z", sprint, done);
    const idea = s.createCard("2026-03-05T09:00:00Z", backlog, "Someday idea");
    const work = s.createCard("2026-03-05T09:00:00Z", doing, "Login page");
    s.comment("2026-03-06T09:00:00Z", work, "Started");
    s.moveCard("2026-03-10T09:00:00Z", work, done);
    const other = s.createCard("2026-03-11T09:00:00Z", doing, "Search");
    b.ingest();
    b.setLoopData(alice.id, { stakeholder: stakeholder("Alice") }, "2026-03-02T09:10:00.000Z");
    b.setLoopData(
      sprint.id,
      { sprint: { v: 1, number: 1, start: "2026-03-02", end: "2026-03-15", committed: [work.id] } },
      "2026-03-02T09:10:00.000Z",
    );
    return { backlog, doing, done, idea, other };
  }
  const request = () => ({
    boardId: b.boardId,
    month: "2026-03",
    audience: "internal" as const,
    now: Date.parse("2026-04-02T00:00:00Z"),
  });

  it("counts only the team's work in created, completed and comments, in the model and the contract alike", () => {
    boardWithLoopCards();
    const model = loadReportModel(b.store, request());
    expect(model.cards).toEqual({ created: 3, completed: 1 });
    expect(model.comments).toBe(1);
    expect(model.flow).toMatchObject({ created: 3, completed: 1 });
    expect(loadMonthlyReport(b.store, { boardId: b.boardId, month: "2026-03" })).toMatchObject({
      cards: { created: 3, completed: 1 },
      comments: 1,
    });
  });

  it("counts work in progress and the cumulative flow over the workflow lists only: no Backlog, Stakeholders or Reports", () => {
    const { doing } = boardWithLoopCards();
    const { flow } = loadReportModel(b.store, request());
    expect(flow.wipAtMonthEnd).toEqual([{ listId: doing.id, listName: "Doing", cards: 1 }]);
    expect(flow.cumulativeFlow.at(-1)?.lists).toEqual([
      { listName: "Doing", cards: 1 },
      { listName: "Done", cards: 1 },
    ]);
  });

  it("counts the board's chosen work lists when it has chosen them", () => {
    const { backlog, doing } = boardWithLoopCards();
    const settings = {
      v: 1,
      doneLists: [],
      workLists: [backlog.id, doing.id],
      sprintDays: 14,
      reportAudience: "internal",
      reportOnMonthClose: true,
    };
    b.setLoopData(b.boardId, { settings }, "2026-03-01T00:00:00.000Z");
    const { flow } = loadReportModel(b.store, request());
    expect(flow.wipAtMonthEnd.map((row) => row.listName)).toEqual(["Backlog", "Doing"]);
    expect(flow.cumulativeFlow.at(-1)?.lists.map((list) => list.listName)).toEqual(["Backlog", "Doing", "Done"]);
  });
});

describe("the board's settings as of the month", () => {
  let b: LoopBoard;
  beforeEach(() => {
    b = new LoopBoard();
  });
  afterEach(() => b.close());

  it("cuts a past month in the time zone the board had then, and the current one in today's", () => {
    const todo = b.story.createList("2026-01-05T09:00:00Z", "To do");
    b.story.createCard("2026-01-06T09:00:00Z", todo, "Anything");
    b.ingest();
    const settings = (timezone: string) => ({
      settings: { v: 1, timezone, doneLists: [], sprintDays: 14, reportAudience: "internal", reportOnMonthClose: true },
    });
    b.setLoopData(b.boardId, settings("Europe/Berlin"), "2026-02-01T00:00:00.000Z");
    b.setLoopData(b.boardId, settings("Asia/Kolkata"), "2026-05-10T00:00:00.000Z");
    b.store.boardSettings.save({ boardId: b.boardId, timezone: "Asia/Kolkata", doneListIds: null });
    const now = Date.parse("2026-05-20T00:00:00Z");

    expect(
      loadReportModel(b.store, { boardId: b.boardId, month: "2026-03", audience: "internal", now }).period.timezone,
    ).toBe("Europe/Berlin");
    // Its first settings counted from the board's start: January too was Berlin's.
    expect(loadMonthlyReport(b.store, { boardId: b.boardId, month: "2026-01" }).period.timezone).toBe("Europe/Berlin");
    expect(
      loadReportModel(b.store, { boardId: b.boardId, month: "2026-05", audience: "internal", now }).period.timezone,
    ).toBe("Asia/Kolkata");
    expect(
      loadReportModel(b.store, { boardId: b.boardId, month: "2026-03", timezone: "UTC", audience: "internal", now })
        .period.timezone,
    ).toBe("UTC");
  });
});
