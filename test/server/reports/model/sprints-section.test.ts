import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

let fixture: ReturnType<typeof marchLoopBoard>;
beforeEach(() => {
  fixture = marchLoopBoard();
});
afterEach(() => fixture.board.close());
const sprints = (month = "2026-03") =>
  loadReportModel(fixture.board.store, { boardId: fixture.board.boardId, month, audience: "internal", now: APRIL_10 })
    .sprints;

describe("sprints section", () => {
  it("lists the sprints overlapping March with committed, completed at the sprint's end and carried over", () => {
    const { ids } = fixture;
    expect(sprints().map(({ review: _review, ...row }) => row)).toEqual([
      {
        cardId: ids.sprint3.id,
        number: 3,
        start: "2026-03-02",
        end: "2026-03-15",
        goal: "Login and search",
        committed: 3,
        completed: 1,
        carriedOver: 2,
      },
      {
        cardId: ids.sprint4.id,
        number: 4,
        start: "2026-03-16",
        end: "2026-03-29",
        committed: 2,
        completed: 1,
        carriedOver: 1,
      },
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

  it("shows a review in the month it was held: not in the sprint's month when held after it, even first seen as holding all along", () => {
    const { board, ids } = fixture;
    board.setLoopData(
      ids.sprint4.id,
      {
        sprint: { v: 1, number: 4, start: "2026-03-16", end: "2026-03-29", committed: [ids.taskB.id, ids.taskC.id] },
        review: {
          v: 1,
          heldOn: "2026-04-01",
          attendees: [],
          demoed: [ids.taskB.id],
          accepted: [ids.taskB.id],
          feedback: [],
        },
      },
      "2026-04-02T09:00:00.000Z",
    );
    expect(sprints()[1]!.review).toBeUndefined();
    expect(sprints("2026-04")).toEqual([
      expect.objectContaining({ number: 4, review: expect.objectContaining({ heldOn: "2026-04-01" }) }),
      expect.objectContaining({ number: 5 }),
    ]);
  });

  it("judges the sprint's end in the board's time zone", () => {
    const { board, ids } = fixture;
    // 23:30 on 15 March in Berlin (UTC+1): still inside sprint 3.
    board.story.moveCard("2026-03-15T22:30:00Z", ids.taskC, fixture.lists.done);
    board.ingest();
    expect(sprints()[0]).toMatchObject({ committed: 3, completed: 2, carriedOver: 1 });
  });

  it("counts a committed card that went done before the month began, from the board's state at the month's start", () => {
    const { board, lists } = fixture;
    const sprint2 = board.story.createCard("2026-02-10T08:00:00Z", lists.backlog, "Sprint 2");
    const setup = board.story.createCard("2026-02-10T08:00:00Z", lists.backlog, "Project setup");
    board.story.moveCard("2026-02-20T09:00:00Z", setup, lists.done);
    board.ingest();
    board.setLoopData(
      sprint2.id,
      { sprint: { v: 1, number: 2, start: "2026-02-16", end: "2026-03-01", committed: [setup.id] } },
      "2026-02-20T10:00:00.000Z",
    );
    expect(sprints()[0]).toMatchObject({ number: 2, committed: 1, completed: 1, carriedOver: 0 });
  });

  it("leaves sprints outside the month out", () => {
    expect(sprints("2026-04").map((s) => s.number)).toEqual([5]);
  });
});
