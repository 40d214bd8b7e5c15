import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

let fixture: ReturnType<typeof marchLoopBoard>;
beforeEach(() => {
  fixture = marchLoopBoard();
});
afterEach(() => fixture.board.close());
const sprints = (month = "2026-03") => loadReportModel(fixture.board.store, { boardId: fixture.board.boardId, month, audience: "internal", now: APRIL_10 }).sprints;

describe("sprints section", () => {
  it("lists the sprints overlapping March with committed, completed at the sprint's end and carried over", () => {
    const { ids } = fixture;
    expect(sprints().map(({ review: _review, ...row }) => row)).toEqual([
      { cardId: ids.sprint3.id, number: 3, start: "2026-03-02", end: "2026-03-15", goal: "Login and search", committed: 3, completed: 1, carriedOver: 2 },
      { cardId: ids.sprint4.id, number: 4, start: "2026-03-16", end: "2026-03-29", committed: 2, completed: 1, carriedOver: 1 },
    ]);
  });

  it("carries the review with feedback under the stakeholders' names", () => {
    expect(sprints()[0]!.review).toEqual({
      heldOn: "2026-03-16",
      demoed: 2,
      accepted: 1,
      feedback: [
        { stakeholder: "Alice Example", sentiment: "positive", note: "Login looks great" },
        { stakeholder: "Bob Buyer", sentiment: "negative" },
      ],
      decisions: "Search moves to sprint 4",
    });
    expect(sprints()[1]!.review).toBeUndefined();
  });

  it("judges the sprint's end in the board's time zone", () => {
    const { board, ids } = fixture;
    // 23:30 on 15 March in Berlin (UTC+1): still inside sprint 3.
    board.story.moveCard("2026-03-15T22:30:00Z", ids.taskC, fixture.lists.done);
    board.ingest();
    expect(sprints()[0]).toMatchObject({ committed: 3, completed: 2, carriedOver: 1 });
  });

  it("leaves sprints outside the month out", () => {
    expect(sprints("2026-04").map((s) => s.number)).toEqual([5]);
  });
});
