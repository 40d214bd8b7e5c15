import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import type { Audience } from "../../../../server/reports/model/report-model";
import { APRIL_10, marchLoopBoard } from "./march-loop-board";

const { board } = marchLoopBoard();
afterAll(() => board.close());
const PM_NOTE = "Bob threatens to pull the budget";
const model = (audience: Audience) =>
  loadReportModel(board.store, {
    boardId: board.boardId,
    month: "2026-03",
    audience,
    pmStatus: "at-risk",
    pmNote: PM_NOTE,
    now: APRIL_10,
  });

describe("applyAudience", () => {
  it("gives a client no escalation reason, no difficult list or status, and no PM note", () => {
    const client = model("client");
    const json = JSON.stringify(client);
    expect(json).not.toContain("Refuses the agreed API contract");
    // The contract keeps the (empty) `difficult` key; no stakeholder is called difficult anywhere.
    expect(client.stakeholders.difficult).toEqual([]);
    expect(json).not.toMatch(/:"difficult"/i);
    expect(client.stakeholders.escalations).toEqual([]);
    expect(json).not.toContain("escalated");
    expect(json).not.toContain(PM_NOTE);
  });

  it("keeps everything for the internal audience", () => {
    const internal = model("internal");
    const json = JSON.stringify(internal);
    expect(json).toContain("Refuses the agreed API contract");
    expect(internal.stakeholders.difficult.map((d) => d.stakeholder)).toEqual(["Dana Lawyer"]);
    expect(internal.summary.pmNote).toBe(PM_NOTE);
  });

  it("keeps what the client may see: its people without our buy-in, status or overdue days, and the PM's status", () => {
    const client = model("client");
    expect(client.audience).toBe("client");
    expect(client.party).toBe("Acme");
    expect(client.stakeholders.rows.map((r) => [r.name, r.buyIn, r.status, r.overdueDays])).toEqual([
      ["Alice Example", undefined, undefined, undefined],
      ["Bob Buyer", undefined, undefined, undefined],
      ["Dana Lawyer", undefined, undefined, undefined],
    ]);
    expect(client.stakeholders.moves).toEqual([]);
    expect(client.summary).toMatchObject({ status: "at-risk", statusReason: "Set by the PM" });
    expect(client.summary.computedStatus).toBeUndefined();
  });

  it("judges a client's status without the escalation their copy leaves out, and never names it", () => {
    const noOverride = (audience: Audience) =>
      loadReportModel(board.store, { boardId: board.boardId, month: "2026-03", audience, now: APRIL_10 });
    const internal = noOverride("internal");
    expect(internal.summary.statusReason).toMatch(/escalation open/);
    const client = noOverride("client");
    expect(JSON.stringify(client.summary)).not.toMatch(/escalat/i);
    expect(client.summary.statusReason).not.toMatch(/owed an update/);
  });
});
