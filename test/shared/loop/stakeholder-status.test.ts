import { stakeholderEditSchema, stakeholderSchema } from "../../../shared/loop/stakeholder";
import { isEscalationOpen, stakeholderStatus } from "../../../shared/loop/stakeholder-status";

const escalation = { to: "technical" as const, reason: "Refuses the contract", on: "2026-03-10" };

describe("stakeholderStatus", () => {
  it("says escalated until the day the escalation is resolved, then active", () => {
    const s = { status: "escalated" as const, escalation: { ...escalation, resolvedOn: "2026-03-25" } };
    expect(stakeholderStatus(s, "2026-03-24")).toBe("escalated");
    expect(isEscalationOpen(s, "2026-03-24")).toBe(true);
    expect(stakeholderStatus(s, "2026-03-25")).toBe("active");
    expect(isEscalationOpen(s, "2026-03-25")).toBe(false);
  });

  it("keeps every other status as saved", () => {
    expect(
      stakeholderStatus({ status: "difficult", escalation: { ...escalation, resolvedOn: "2026-03-11" } }, "2026-04-01"),
    ).toBe("difficult");
    expect(stakeholderStatus({ status: "released" }, "2026-04-01")).toBe("released");
  });
});

describe("stakeholder reasons and release", () => {
  const base = {
    v: 1,
    name: "Dana",
    type: "client",
    influence: "high",
    interest: "high",
    channel: "email",
    cadenceDays: 7,
    buyIn: "neutral",
    initiation: { platform: true, roles: true, reviews: true, scope: true },
  };

  it("reads a difficult or released stakeholder saved before reasons existed", () => {
    expect(stakeholderSchema.safeParse({ ...base, status: "difficult" }).success).toBe(true);
    expect(stakeholderSchema.safeParse({ ...base, status: "released" }).success).toBe(true);
  });

  it("asks a PM saving one for the reason it is difficult, and the date and reason of a release", () => {
    const difficult = stakeholderEditSchema.safeParse({ ...base, status: "difficult" });
    expect(difficult.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["difficultReason", "Say why the stakeholder is difficult"],
    ]);
    const released = stakeholderEditSchema.safeParse({ ...base, status: "released" });
    expect(released.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["release", "Give the release date and reason"],
    ]);
    const badDate = stakeholderEditSchema.safeParse({
      ...base,
      status: "released",
      release: { on: "12/03/2026", reason: "Left" },
    });
    expect(badDate.error?.issues.map((i) => i.path.join("."))).toEqual(["release.on"]);
    expect(
      stakeholderEditSchema.safeParse({ ...base, status: "released", release: { on: "2026-03-12", reason: "Left" } })
        .success,
    ).toBe(true);
  });
});
