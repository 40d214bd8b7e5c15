import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

const { board, ids } = marchLoopBoard();
afterAll(() => board.close());
const scope = (month: string) =>
  loadReportModel(board.store, { boardId: board.boardId, month, audience: "internal", now: APRIL_10 }).scope;

describe("scope section", () => {
  it("lists the change requests decided in March with their impact and who asked", () => {
    expect(scope("2026-03").decisions).toEqual([
      {
        cardId: ids.mobile.id,
        cardName: "Mobile app",
        decision: "change",
        status: "rejected",
        rationale: "Not in this phase",
        requestedBy: "Alice Example",
        decidedOn: "2026-03-18",
        impactDays: 20,
        impactCost: 15000,
        currency: "USD",
      },
      {
        cardId: ids.sso.id,
        cardName: "SSO",
        decision: "change",
        status: "approved",
        rationale: "Security requirement",
        requestedBy: "Alice Example",
        decidedOn: "2026-03-12",
        impactDays: 5,
        impactCost: 4000,
        currency: "EUR",
      },
    ]);
  });

  it("sums every change request by status, cost per currency, and the work approved", () => {
    const s = scope("2026-03");
    expect(s.changeRequests).toEqual([
      { status: "proposed", count: 1, impactDays: 2, impactCost: [] },
      { status: "approved", count: 1, impactDays: 5, impactCost: [{ currency: "EUR", amount: 4000 }] },
      { status: "rejected", count: 1, impactDays: 20, impactCost: [{ currency: "USD", amount: 15000 }] },
      { status: "deferred", count: 0, impactDays: 0, impactCost: [] },
    ]);
    expect(s.added).toEqual({ count: 1, impactDays: 5 });
    expect(s.outOfScope).toEqual([
      {
        cardId: ids.legacy.id,
        cardName: "Legacy CRM migration",
        decision: "out",
        boundary: "We do not migrate the old CRM",
      },
    ]);
  });

  it("reads a past month as it stood: requests proposed later are left out, decided later still proposed", () => {
    const feb = scope("2026-02");
    expect(feb.decisions).toEqual([]);
    expect(feb.changeRequests.map((c) => c.count)).toEqual([0, 0, 0, 0]);
    const midMarch = loadReportModel(board.store, {
      boardId: board.boardId,
      month: "2026-03",
      audience: "internal",
      now: Date.parse("2026-03-15T12:00:00Z"),
    }).scope;
    expect(midMarch.decisions.map((d) => d.cardName)).toEqual(["SSO"]);
    expect(midMarch.changeRequests.map((c) => c.count)).toEqual([1, 1, 0, 0]);
  });
});
