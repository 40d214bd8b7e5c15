import { monthPeriod } from "../../../../shared/month-period";
import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import type { LoopCard } from "../../../../server/reports/model/loop-card";
import { buildMilestonesSection, milestoneRows } from "../../../../server/reports/model/milestones-section";
import { reportDays } from "../../../../server/reports/model/report-days";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

let { board, ids } = marchLoopBoard();
beforeEach(() => {
  board.close();
  ({ board, ids } = marchLoopBoard());
});
afterAll(() => board.close());
const march = (now = APRIL_10) =>
  loadReportModel(board.store, { boardId: board.boardId, month: "2026-03", audience: "internal", now }).milestones;

describe("milestones section", () => {
  it("sorts March's milestones into hit, missed, slipped and due next month", () => {
    const m = march();
    expect(m.hit.map((r) => [r.deliverable, r.doneOn])).toEqual([["Discovery report", "2026-03-09"]]);
    expect(m.missed.map((r) => [r.cardId, r.deliverable, r.doneOn])).toEqual([
      [ids.design.id, "Design sign-off", undefined],
    ]);
    expect(m.slipped).toEqual([
      {
        cardId: ids.beta.id,
        cardName: "Beta",
        stage: "execution",
        deliverable: "Beta release",
        due: "2026-04-15",
        baselineDue: "2026-04-01",
        slippedDays: 14,
      },
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
    const late = loadReportModel(board.store, {
      boardId: board.boardId,
      month: "2026-02",
      audience: "internal",
      now: APRIL_10,
    }).milestones;
    expect(late.hit.map((r) => r.deliverable)).toEqual(["Kick-off workshop"]);
    board.setLoopData(
      ids.design.id,
      {
        milestone: {
          v: 1,
          stage: "planning",
          deliverable: "Design sign-off",
          due: "2026-03-20",
          baselineDue: "2026-03-20",
          doneOn: "2026-03-23",
        },
      },
      "2026-03-23T10:00:00.000Z",
    );
    const m = march();
    expect(m.missed.map((r) => [r.deliverable, r.doneOn])).toEqual([["Design sign-off", "2026-03-23"]]);
    expect(m.hit.map((r) => r.deliverable)).toEqual(["Discovery report"]);
  });
});

describe("milestones whose card sits in a done list", () => {
  const april10 = new Date(APRIL_10);
  const days = reportDays(monthPeriod("2026-03", "Pacific/Auckland"), april10);
  const milestone = (deliverable: string, due: string, doneOn?: string) => ({
    v: 1,
    stage: "planning",
    deliverable,
    due,
    baselineDue: due,
    ...(doneOn ? { doneOn } : {}),
  });
  const card = (id: string, data: Record<string, unknown>, enteredDoneMs?: number): LoopCard => ({
    id,
    name: id,
    archived: false,
    data,
    ...(enteredDoneMs ? { enteredDoneMs } : {}),
  });
  // 19 March 12:30 UTC is 20 March 01:30 in Auckland: the board's day, not UTC's, is the one that counts.
  const enteredMarch20Auckland = Date.parse("2026-03-19T12:30:00Z");

  it("counts the day the card entered the done list (in the board's zone) as done, hit by the due day", () => {
    const rows = milestoneRows(
      [card("a", { milestone: milestone("Design sign-off", "2026-03-20") }, enteredMarch20Auckland)],
      "Pacific/Auckland",
    );
    expect(rows[0].doneOn).toBe("2026-03-20");
    const section = buildMilestonesSection(rows, days);
    expect(section.hit.map((r) => r.deliverable)).toEqual(["Design sign-off"]);
    expect(section.missed).toEqual([]);
    expect(section.stages.find((s) => s.stage === "planning")).toEqual({ stage: "planning", total: 1, done: 1 });
  });

  it("is missed when the card entered the done list after the due day", () => {
    const rows = milestoneRows(
      [card("a", { milestone: milestone("Design sign-off", "2026-03-19") }, enteredMarch20Auckland)],
      "Pacific/Auckland",
    );
    expect(buildMilestonesSection(rows, days).missed.map((r) => [r.deliverable, r.doneOn])).toEqual([
      ["Design sign-off", "2026-03-20"],
    ]);
    // The same instant is still 19 March in UTC, so a UTC board counts it hit.
    const utcRows = milestoneRows(
      [card("a", { milestone: milestone("Design sign-off", "2026-03-19") }, enteredMarch20Auckland)],
      "UTC",
    );
    expect(
      buildMilestonesSection(utcRows, reportDays(monthPeriod("2026-03", "UTC"), april10)).hit.map((r) => r.doneOn),
    ).toEqual(["2026-03-19"]);
  });

  it("keeps a done date set on the milestone over the day the card entered the done list", () => {
    const rows = milestoneRows(
      [card("a", { milestone: milestone("Design sign-off", "2026-03-20", "2026-03-25") }, enteredMarch20Auckland)],
      "Pacific/Auckland",
    );
    expect(rows[0].doneOn).toBe("2026-03-25");
    expect(buildMilestonesSection(rows, days).missed.map((r) => r.doneOn)).toEqual(["2026-03-25"]);
  });

  it("leaves a milestone whose card is in no done list open", () => {
    const rows = milestoneRows(
      [card("a", { milestone: milestone("Design sign-off", "2026-03-20") })],
      "Pacific/Auckland",
    );
    expect(rows[0].doneOn).toBeUndefined();
    expect(buildMilestonesSection(rows, days).missed.map((r) => r.doneOn)).toEqual([undefined]);
  });
});
