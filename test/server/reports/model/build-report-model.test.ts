import { loadMonthlyReport } from "../../../../server/reports/load-monthly-report";
import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { REPORT_MODEL_VERSION } from "../../../../server/reports/model/report-model";
import { ReportError } from "../../../../server/reports/report-error";
import { LoopBoard } from "./loop-board";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

const { board, ids, lists } = marchLoopBoard();
afterAll(() => board.close());
const load = (month: string, timezone?: string) =>
  loadReportModel(board.store, { boardId: board.boardId, month, timezone, audience: "internal", now: APRIL_10 });

describe("buildReportModel", () => {
  it("carries the contract's cards and comments exactly as the monthly report counts them", () => {
    // Edge cases for the count: a creation at 00:30 on 1 April in Berlin (31 March in UTC), a card done twice.
    board.story.createCard("2026-03-31T22:30:00Z", lists.backlog, "April in Berlin");
    board.story.moveCard("2026-03-20T09:00:00Z", ids.taskA, lists.doing);
    board.story.moveCard("2026-03-21T09:00:00Z", ids.taskA, lists.done);
    board.ingest();
    for (const [month, timezone] of [
      ["2026-03", undefined],
      ["2026-03", "UTC"],
      ["2026-04", undefined],
      ["2026-02", "Asia/Kolkata"],
    ] as const) {
      const model = load(month, timezone);
      const report = loadMonthlyReport(board.store, { boardId: board.boardId, month, timezone });
      expect({ period: model.period, cards: model.cards, comments: model.comments }).toEqual({
        period: report.period,
        cards: report.cards,
        comments: report.comments,
      });
    }
    expect(load("2026-03", "UTC").cards.created).toBe(load("2026-03").cards.created + 1);
  });

  it("stamps the model with its version, board, audience and build time", () => {
    const model = load("2026-03");
    expect(model).toMatchObject({
      schemaVersion: REPORT_MODEL_VERSION,
      board: { id: board.boardId, name: "Client Portal" },
      audience: "internal",
      generatedAt: new Date(APRIL_10).toISOString(),
    });
    expect(model.period.timezone).toBe("Europe/Berlin");
    expect(model.flow.completed).toBe(model.cards.completed);
  });

  it("lists the agreements checklist", () => {
    expect(load("2026-03").documents).toEqual([
      // Saved before agreements were per party: the board's one client, Acme, owns them.
      {
        party: "Acme",
        name: "Memorandum of understanding (MOU)",
        status: "signed",
        shared: true,
        link: "https://docs.example.com/mou",
      },
      { party: "Acme", name: "Service level agreement (SLA)", status: "draft", shared: false },
    ]);
  });

  it("lists the standard agreements as missing on a board that has saved none", () => {
    const bare = new LoopBoard();
    try {
      bare.story.createList("2026-03-01T09:00:00Z", "Backlog");
      bare.ingest();
      const model = loadReportModel(bare.store, {
        boardId: bare.boardId,
        month: "2026-03",
        audience: "internal",
        now: APRIL_10,
      });
      expect(model.documents.map((d) => [d.name, d.status, d.shared])).toEqual([
        ["Memorandum of understanding (MOU)", "missing", false],
        ["Service level agreement (SLA)", "missing", false],
        ["Board access for the client or partner", "missing", false],
      ]);
      expect(model.summary.status).toBe("on-track");
    } finally {
      bare.close();
    }
  });

  it("looks ahead to next month's milestones, sprints and open change requests", () => {
    const next = load("2026-03").nextMonth;
    expect(next.milestonesDue.map((m) => m.deliverable)).toEqual(["Beta release"]);
    expect(next.sprintsPlanned).toEqual([
      { cardId: ids.sprint5.id, number: 5, start: "2026-04-06", end: "2026-04-19", goal: "Beta hardening" },
    ]);
    expect(next.openChangeRequests.map((c) => [c.cardName, c.status, c.impactDays])).toEqual([
      ["Dark mode", "proposed", 2],
    ]);
  });

  it("refuses a malformed month, an unknown zone and a board the store has never seen", () => {
    const refuse = (request: Parameters<typeof loadReportModel>[1]) => {
      try {
        loadReportModel(board.store, request);
      } catch (err) {
        return err instanceof ReportError ? err.code : err;
      }
      return "built";
    };
    expect(refuse({ boardId: board.boardId, month: "2026-3", audience: "internal" })).toBe("INVALID_MONTH");
    expect(refuse({ boardId: board.boardId, month: "2026-03", timezone: "Mars/Olympus", audience: "internal" })).toBe(
      "INVALID_TIMEZONE",
    );
    expect(refuse({ boardId: "5e93ba98614ac22d22f0ffff", month: "2026-03", audience: "internal" })).toBe(
      "UNKNOWN_BOARD",
    );
  });
});
