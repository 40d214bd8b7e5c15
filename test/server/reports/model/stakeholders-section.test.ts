import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

const { board, ids } = marchLoopBoard();
afterAll(() => board.close());
const stakeholders = (month: string, now = APRIL_10) =>
  loadReportModel(board.store, { boardId: board.boardId, month, audience: "internal", now }).stakeholders;

describe("stakeholders section", () => {
  it("counts March's updates, the last one, days overdue at month end and how buy-in moved", () => {
    expect(stakeholders("2026-03").rows).toEqual([
      {
        cardId: ids.alice.id,
        name: "Alice Example",
        type: "client",
        organisation: "Acme",
        channel: "email",
        cadenceDays: 14,
        updatesLogged: 2,
        lastUpdateAt: "2026-03-20T09:00:00.000Z",
        overdueDays: 0,
        buyIn: "supporter",
        buyInBefore: "neutral",
        status: "active",
      },
      {
        cardId: ids.bob.id,
        name: "Bob Buyer",
        type: "client",
        organisation: "Acme",
        channel: "email",
        cadenceDays: 7,
        updatesLogged: 1,
        lastUpdateAt: "2026-03-10T09:00:00.000Z",
        overdueDays: 14,
        buyIn: "sceptic",
        status: "escalated",
      },
      {
        cardId: ids.dana.id,
        name: "Dana Lawyer",
        type: "client",
        organisation: "Acme",
        channel: "email",
        cadenceDays: 30,
        updatesLogged: 1,
        lastUpdateAt: "2026-03-15T09:00:00.000Z",
        overdueDays: 0,
        buyIn: "neutral",
        status: "difficult",
      },
    ]);
  });

  it("judges February by the buy-in and updates of February", () => {
    const alice = stakeholders("2026-02").rows.find((r) => r.name === "Alice Example");
    expect(alice).toMatchObject({ updatesLogged: 1, lastUpdateAt: "2026-02-25T09:00:00.000Z", buyIn: "neutral" });
    expect(alice?.buyInBefore).toBeUndefined();
  });

  it("counts overdue days to today while the month runs", () => {
    const bob = stakeholders("2026-03", Date.parse("2026-03-19T12:00:00Z")).rows.find((r) => r.name === "Bob Buyer");
    expect(bob?.overdueDays).toBe(2);
  });

  it("lists the difficult and the escalations with the lead's name from the board settings", () => {
    const s = stakeholders("2026-03");
    expect(s.difficult.map((d) => d.stakeholder)).toEqual(["Dana Lawyer"]);
    expect(s.escalations).toEqual([
      {
        cardId: ids.bob.id,
        stakeholder: "Bob Buyer",
        to: "technical",
        leadName: "Hopper Test",
        reason: "Refuses the agreed API contract",
        on: "2026-03-20",
      },
    ]);
    expect(stakeholders("2026-02").escalations).toEqual([]);
  });
});
