import { loopBadges, type BadgeContext } from "../../powerup/capabilities/loop-badges";

const DANA = "aaaaaaaaaaaaaaaaaaaaaaa1";
const ctx: BadgeContext = {
  today: "2026-03-11",
  timeZone: "UTC",
  stakeholderNames: new Map([[DANA, "Dana Ruiz"]]),
  inDoneList: false,
};
const stakeholder = {
  v: 1,
  name: "Dana Ruiz",
  type: "client",
  influence: "high",
  interest: "high",
  channel: "email",
  cadenceDays: 7,
  buyIn: "supporter",
  status: "active",
  initiation: { platform: true, roles: true, reviews: true, scope: true },
};
const front = (data: Record<string, unknown>) =>
  loopBadges(data, ctx)
    .filter((b) => b.front)
    .map((b) => [b.text, b.color]);

describe("loopBadges", () => {
  it("shows a stakeholder's type and an overdue update in red, and nothing overdue once updated", () => {
    const overdue = {
      stakeholder,
      log: { v: 1, entries: [{ id: "abc123", at: "2026-03-01T09:00:00Z", channel: "email", summary: "Status" }] },
    };
    expect(front(overdue)).toEqual([
      ["Client", "sky"],
      ["Update overdue 3d", "red"],
    ]);
    const updated = {
      stakeholder,
      log: { v: 1, entries: [{ id: "abc124", at: "2026-03-10T09:00:00Z", channel: "email", summary: "Status" }] },
    };
    expect(front(updated)).toEqual([["Client", "sky"]]);
  });

  it("says escalated until the escalation's Resolved on day, then no longer; a released stakeholder is owed no update", () => {
    const updated = {
      v: 1,
      entries: [{ id: "abc124", at: "2026-03-10T09:00:00Z", channel: "email", summary: "Status" }],
    };
    const escalation = { to: "technical", reason: "Budget", on: "2026-03-01" };
    expect(front({ stakeholder: { ...stakeholder, status: "escalated", escalation }, log: updated })).toEqual([
      ["Client", "sky"],
      ["Escalated to technical lead", "red"],
    ]);
    const resolved = { ...stakeholder, status: "escalated", escalation: { ...escalation, resolvedOn: "2026-03-11" } };
    expect(front({ stakeholder: resolved, log: updated })).toEqual([["Client", "sky"]]);
    const released = { ...stakeholder, status: "released", release: { on: "2026-03-05", reason: "Left" } };
    expect(front({ stakeholder: released })).toEqual([
      ["Client", "sky"],
      ["Released", "light-gray"],
    ]);
  });

  it("names the Accountable stakeholder on the card front and the other roles in the detail", () => {
    const badges = loopBadges(
      { roles: { v: 1, responsible: [DANA], accountable: DANA, consulted: [], informed: [] } },
      ctx,
    );
    expect(badges.map((b) => [b.text, b.front])).toEqual([
      ["A: Dana Ruiz", true],
      ["R: Dana Ruiz", false],
    ]);
  });

  it("marks out-of-scope work red and change requests by status", () => {
    expect(front({ scope: { v: 1, decision: "out" } })).toEqual([["Out of scope", "red"]]);
    const cr = (status: string, extra = {}) => ({
      scope: { v: 1, decision: "change", change: { status, proposedOn: "2026-03-01", ...extra } },
    });
    expect(front(cr("proposed"))).toEqual([["Change request: proposed", "yellow"]]);
    expect(front(cr("approved", { decidedOn: "2026-03-02", rationale: "Worth it" }))).toEqual([
      ["Change request: approved", "green"],
    ]);
  });

  it("shows milestone, slip, invoice and sprint states", () => {
    const data = {
      milestone: { v: 1, stage: "execution", deliverable: "Beta", due: "2026-03-10", baselineDue: "2026-03-05" },
      invoice: { v: 1, number: "INV-1", amount: 100, currency: "EUR", issuedOn: "2026-02-01", dueOn: "2026-03-01" },
      sprint: { v: 1, number: 4, start: "2026-03-02", end: "2026-03-16", committed: [] },
    };
    expect(front(data)).toEqual([
      ["Milestone overdue · 2026-03-10", "red"],
      ["Slipped from 2026-03-05", "yellow"],
      ["Invoice overdue", "red"],
      ["Sprint 4", "blue"],
    ]);
  });

  it("shows a milestone whose card sits in a done list as done, not overdue, unless a later done date was set", () => {
    const milestone = { v: 1, stage: "execution", deliverable: "Beta", due: "2026-03-10", baselineDue: "2026-03-10" };
    const inDone = (data: Record<string, unknown>) =>
      loopBadges(data, { ...ctx, inDoneList: true })
        .filter((b) => b.front)
        .map((b) => [b.text, b.color]);
    expect(front({ milestone })).toEqual([["Milestone overdue · 2026-03-10", "red"]]);
    expect(inDone({ milestone })).toEqual([["Milestone done · 2026-03-10", "green"]]);
    expect(inDone({ milestone: { ...milestone, due: "2026-03-12", baselineDue: "2026-03-12" } })).toEqual([
      ["Milestone hit · 2026-03-12", "green"],
    ]);
    expect(inDone({ milestone: { ...milestone, doneOn: "2026-03-11" } })).toEqual([
      ["Milestone missed · 2026-03-10", "red"],
    ]);
  });

  it("flags a record that fails its schema instead of hiding it", () => {
    expect(front({ roles: { v: 1, responsible: "Dana" } })).toEqual([["Unreadable roles", "red"]]);
  });
});
