import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import type { ProjectStatus } from "../../../../server/reports/model/report-model";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

let fixture: ReturnType<typeof marchLoopBoard>;
beforeEach(() => {
  fixture = marchLoopBoard();
});
afterEach(() => fixture.board.close());
const summary = (pm: { pmStatus?: ProjectStatus; pmNote?: string } = {}) =>
  loadReportModel(fixture.board.store, {
    boardId: fixture.board.boardId,
    month: "2026-03",
    audience: "internal",
    now: APRIL_10,
    ...pm,
  }).summary;

const seen = "2026-03-31T10:00:00.000Z";

/** Repairs, one by one, what holds the March board back. */
function designDoneOnTime() {
  fixture.board.setLoopData(
    fixture.ids.design.id,
    {
      milestone: {
        v: 1,
        stage: "planning",
        deliverable: "Design sign-off",
        due: "2026-03-20",
        baselineDue: "2026-03-20",
        doneOn: "2026-03-19",
      },
    },
    seen,
  );
}
function escalationResolved() {
  const bob = fixture.board.store.pluginData
    .listBoard(fixture.board.boardId)
    .find((r) => r.idModel === fixture.ids.bob.id)!;
  const data = JSON.parse(bob.value);
  data.stakeholder = {
    ...data.stakeholder,
    status: "active",
    escalation: { ...data.stakeholder.escalation, resolvedOn: "2026-03-25" },
  };
  data.log.entries.unshift({ id: "bob0330aaaa", at: "2026-03-30T09:00:00.000Z", channel: "email", summary: "Weekly" });
  fixture.board.setLoopData(fixture.ids.bob.id, data, seen);
}

describe("summary section", () => {
  it("is off-track for a missed milestone and an open escalation, and says so without naming anyone", () => {
    const s = summary();
    expect(s.status).toBe("off-track");
    expect(s.statusReason).toBe("1 milestone missed; 1 escalation open");
    expect(s.computedStatus).toBeUndefined();
  });

  it("is at-risk once only a slipped milestone, an owed update or an overdue invoice remains", () => {
    designDoneOnTime();
    expect(summary()).toMatchObject({ status: "off-track", statusReason: "1 escalation open" });
    escalationResolved();
    const s = summary();
    expect(s.status).toBe("at-risk");
    expect(s.statusReason).toBe("1 milestone slipped; 2 invoices overdue");
  });

  it("lets the PM override the status, keeping the computed one and the note", () => {
    const s = summary({ pmStatus: "at-risk", pmNote: "Escalation is being handled with the CTO" });
    expect(s).toMatchObject({
      status: "at-risk",
      statusReason: "Set by the PM",
      computedStatus: "off-track",
      pmNote: "Escalation is being handled with the CTO",
    });
  });

  it("writes highlights from the sections", () => {
    expect(summary().highlights).toEqual([
      "Milestones hit: Discovery report.",
      "Milestones missed: Design sign-off.",
      "Sprint 3 review held on 2026-03-16: 1 of 2 demoed cards accepted.",
      "1 change request approved, adding 5 days of work.",
      "1 change request rejected.",
      "Alice Example's buy-in moved from neutral to supporter.",
      "1 invoice paid (€10,000.00).",
      "2 cards completed.",
    ]);
  });

  it("gives the key figures of the month", () => {
    const figures = Object.fromEntries(summary().keyFigures.map((f) => [f.label, f.value]));
    expect(figures).toMatchObject({
      "Cards completed": "2",
      Comments: "1",
      "Milestones hit": "1",
      "Milestones missed": "1",
      "Change requests approved": "1",
      "Stakeholder updates logged": "4",
      Invoiced: "€12,500.00 + US$3,000.00",
      Overdue: "US$8,000.00",
    });
  });
});
