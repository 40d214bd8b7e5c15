import { boardSettingsSchema, defaultBoardSettings } from "../../../shared/loop/board-settings";
import { defaultDocuments, documentsSchema } from "../../../shared/loop/documents";
import { fieldErrors } from "../../../shared/loop/field-errors";
import { invoiceSchema } from "../../../shared/loop/invoice";
import { LOOP_RECORDS, PLUGIN_DATA_LIMIT, pluginDataSize } from "../../../shared/loop/loop-records";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import { scopeDecisionSchema } from "../../../shared/loop/scope-decision";
import { sprintReviewSchema } from "../../../shared/loop/sprint-review";
import { sprintSchema } from "../../../shared/loop/sprint";
import { stakeholderSchema } from "../../../shared/loop/stakeholder";

const ID = (n: number) => n.toString(16).padStart(24, "a");

export const client = {
  v: 1,
  name: "Dana Ruiz",
  type: "client",
  org: "ACME",
  influence: "high",
  interest: "high",
  channel: "email",
  cadenceDays: 7,
  buyIn: "supporter",
  status: "active",
  initiation: { platform: true, roles: true, reviews: false, scope: false },
};

describe("Loop record schemas", () => {
  it("accept a complete stakeholder and trim its text", () => {
    const parsed = stakeholderSchema.parse({ ...client, name: "  Dana Ruiz  " });
    expect(parsed.name).toBe("Dana Ruiz");
  });

  it("name each bad stakeholder field with a message a PM can act on", () => {
    const result = stakeholderSchema.safeParse({ ...client, name: " ", cadenceDays: 0, type: "vendor" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      name: "Name is required",
      cadenceDays: "Update cadence must be at least 1",
      type: "Choose a stakeholder type",
    });
  });

  it("require an escalated stakeholder to say to whom and why", () => {
    const result = stakeholderSchema.safeParse({ ...client, status: "escalated" });
    expect(fieldErrors(result.error!)).toEqual({ escalation: "Say who it is escalated to and why" });
    const escalated = {
      ...client,
      status: "escalated",
      escalation: { to: "technical", reason: "Blocks API access", on: "2026-03-02" },
    };
    expect(stakeholderSchema.safeParse(escalated).success).toBe(true);
  });

  it("require a decided change request to carry its date and rationale", () => {
    const proposed = {
      v: 1,
      decision: "change",
      change: { status: "proposed", proposedOn: "2026-03-01", impactDays: 3 },
    };
    expect(scopeDecisionSchema.safeParse(proposed).success).toBe(true);
    const approvedBare = { ...proposed, change: { ...proposed.change, status: "approved", decidedOn: "2026-03-04" } };
    expect(fieldErrors(scopeDecisionSchema.safeParse(approvedBare).error!)).toEqual({
      "change.rationale": "A decision needs its date and a rationale",
    });
    expect(fieldErrors(scopeDecisionSchema.safeParse({ v: 1, decision: "change" }).error!)).toEqual({
      change: "Describe the change request",
    });
  });

  it("refuse a sprint that ends before it starts and a review accepting what was not demoed", () => {
    expect(
      fieldErrors(
        sprintSchema.safeParse({ v: 1, number: 2, start: "2026-03-16", end: "2026-03-02", committed: [] }).error!,
      ),
    ).toEqual({
      end: "The sprint must end after it starts",
    });
    const review = { v: 1, heldOn: "2026-03-13", attendees: [], demoed: [ID(1)], accepted: [ID(2)], feedback: [] };
    expect(fieldErrors(sprintReviewSchema.safeParse(review).error!)).toEqual({
      accepted: "Only demoed cards can be accepted",
    });
  });

  it("refuse an invoice due before it was issued, and a currency that is not a code", () => {
    const invoice = {
      v: 1,
      number: "INV-7",
      amount: 1200,
      currency: "eur",
      issuedOn: "2026-03-10",
      dueOn: "2026-03-01",
    };
    expect(fieldErrors(invoiceSchema.safeParse(invoice).error!)).toEqual({
      currency: "Currency is a 3-letter code such as EUR",
      dueOn: "Due cannot be before issued",
    });
  });

  it("accept the default settings and documents, and refuse an unknown time zone", () => {
    expect(boardSettingsSchema.safeParse(defaultBoardSettings()).success).toBe(true);
    expect(documentsSchema.parse(defaultDocuments()).items.map((d) => d.id)).toEqual(["mou", "sla", "access"]);
    expect(
      fieldErrors(boardSettingsSchema.safeParse({ ...defaultBoardSettings(), timezone: "Mars/Olympus" }).error!),
    ).toEqual({
      timezone: "Choose a time zone such as Europe/Berlin",
    });
  });

  it("keep a full card's records within Trello's 4,096 characters", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => ID(i + 1));
    const longest = (n: number) => "x".repeat(n);
    const card = {
      roles: { v: 1, responsible: ids(4), accountable: ID(9), consulted: ids(3), informed: ids(3) },
      scope: {
        v: 1,
        decision: "change",
        boundary: longest(300),
        change: {
          status: "approved",
          proposedOn: "2026-03-01",
          decidedOn: "2026-03-02",
          rationale: longest(500),
          impactDays: 3,
          impactCost: 900,
          currency: "EUR",
          requestedBy: ID(1),
          decidedBy: ID(2),
        },
      },
      milestone: {
        v: 1,
        stage: "execution",
        deliverable: longest(200),
        due: "2026-03-31",
        baselineDue: "2026-03-20",
        doneOn: "2026-03-30",
      },
      invoice: {
        v: 1,
        number: "INV-2026-031",
        amount: 12500.5,
        currency: "EUR",
        issuedOn: "2026-03-31",
        dueOn: "2026-04-30",
        milestone: ID(5),
      },
    };
    for (const [key, value] of Object.entries(card)) {
      expect(LOOP_RECORDS[key as keyof typeof card].schema.safeParse(value).success).toBe(true);
    }
    expect(pluginDataSize(card)).toBeLessThan(PLUGIN_DATA_LIMIT);
  });
});

describe("readLoopRecord", () => {
  it("tells absent, valid and unreadable data apart, naming the problem in words", () => {
    expect(readLoopRecord("stakeholder", undefined)).toEqual({ status: "absent" });
    expect(readLoopRecord("stakeholder", client).status).toBe("ok");
    const handEdited = readLoopRecord("stakeholder", { ...client, cadenceDays: "weekly" });
    expect(handEdited).toEqual({
      status: "invalid",
      message:
        "The saved stakeholder cannot be read: cadenceDays: Update cadence must be a whole number. Open it and save it again to repair it.",
    });
    const older = readLoopRecord("roles", { responsible: "Dana" });
    expect(older.status === "invalid" && older.message).toMatch(
      /saved by another version of Stakeholder Loop \(version none\)/,
    );
  });
});
