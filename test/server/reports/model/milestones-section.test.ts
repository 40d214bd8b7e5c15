import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

let { board, ids } = marchLoopBoard();
beforeEach(() => {
  board.close();
  ({ board, ids } = marchLoopBoard());
});
afterAll(() => board.close());
const march = (now = APRIL_10) => loadReportModel(board.store, { boardId: board.boardId, month: "2026-03", audience: "internal", now }).milestones;

describe("milestones section", () => {
  it("sorts March's milestones into hit, missed, slipped and due next month", () => {
    const m = march();
    expect(m.hit.map((r) => [r.deliverable, r.doneOn])).toEqual([["Discovery report", "2026-03-09"]]);
    expect(m.missed.map((r) => [r.cardId, r.deliverable, r.doneOn])).toEqual([[ids.design.id, "Design sign-off", undefined]]);
    expect(m.slipped).toEqual([
      { cardId: ids.beta.id, cardName: "Beta", stage: "execution", deliverable: "Beta release", due: "2026-04-15", baselineDue: "2026-04-01", slippedDays: 14 },
    ]);
    expect(m.dueNextMonth.map((r) => r.deliverable)).toEqual(["Beta release"]);
  });

  it("counts milestones per stage, done as of the month's end", () => {
    expect(march().stages).toEqual([
      { stage: "initiation", total: 1, done: 1 },
      { stage: "planning", total: 2, done: 1 },
      { stage: "execution", total: 1, done: 0 },
      { stage: "closing", total: 0, done: 0 },
    ]);
  });

  it("does not call a milestone missed while its due day is still ahead in the running month", () => {
    const m = march(Date.parse("2026-03-15T12:00:00Z"));
    expect(m.missed).toEqual([]);
    expect(m.hit.map((r) => r.deliverable)).toEqual(["Discovery report"]);
  });

  it("a milestone done after its due day is missed, not hit", () => {
    const late = loadReportModel(board.store, { boardId: board.boardId, month: "2026-02", audience: "internal", now: APRIL_10 }).milestones;
    expect(late.hit.map((r) => r.deliverable)).toEqual(["Kick-off workshop"]);
    board.setLoopData(ids.design.id, { milestone: { v: 1, stage: "planning", deliverable: "Design sign-off", due: "2026-03-20", baselineDue: "2026-03-20", doneOn: "2026-03-23" } }, "2026-03-23T10:00:00.000Z");
    const m = march();
    expect(m.missed.map((r) => [r.deliverable, r.doneOn])).toEqual([["Design sign-off", "2026-03-23"]]);
    expect(m.hit.map((r) => r.deliverable)).toEqual(["Discovery report"]);
  });
});
