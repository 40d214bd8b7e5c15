import { HOPPER } from "./march-loop-board";
import { LoopBoard } from "./loop-board";

/**
 * Internal-only values of the two-party board, each a word found nowhere else on it, so a report that shows one has
 * leaked it: our assessments of people, the PM's note, and (per party) the other party's records.
 */
export const INTERNAL_ONLY = {
  buyIn: "opponent",
  difficultReason: "Narwhal",
  escalationReason: "Zanzibar",
  releaseReason: "Quetzal",
  pmNote: "Marmalade",
  leadName: "Hopper Test",
} as const;

/** Words only the client's (Acme) records carry, and words only the partner's (Globex) records carry. */
export const ACME_ONLY = [
  "Ada Client",
  "INV-AC-101",
  "Widget for Acme",
  "Acme NDA",
  "Pelican",
  "Wombat boundary",
] as const;
export const GLOBEX_ONLY = [
  "Gil Partner",
  "INV-GX-202",
  "Gadget for Globex",
  "Globex data pact",
  "Platypus",
  "Toucan",
] as const;

function stakeholder(name: string, type: string, org: string, fields: Record<string, unknown> = {}) {
  return {
    v: 1,
    name,
    type,
    org,
    influence: "high",
    interest: "low",
    channel: "email",
    cadenceDays: 7,
    buyIn: "neutral",
    status: "active",
    initiation: { platform: true, roles: true, reviews: true, scope: true },
    ...fields,
  };
}

/**
 * A board in March 2026 (UTC) with one client, Acme Corp, and one partner, Globex Partners:
 * - Ada (Acme) is first seen on 3 March as neutral and turns opponent on the 18th, and is difficult (Narwhal);
 * - Bo (Acme) is escalated to the technical lead on the 10th (Zanzibar) and the escalation is resolved on the 25th;
 * - Rae (Acme) is released on the 12th (Quetzal), never having had an update;
 * - Gil (Globex) is the partner's contact.
 * Each party has an invoice, a change request, an agreement and sprint-review feedback of its own.
 */
export function twoPartyBoard() {
  const b = new LoopBoard();
  const s = b.story;
  const backlog = s.createList("2026-02-01T08:00:00Z", "Backlog");
  const card = (name: string) => s.createCard("2026-02-02T08:00:00Z", backlog, name);
  const ada = card("Ada card");
  const bo = card("Bo card");
  const rae = card("Rae card");
  const gil = card("Gil card");
  const [invAcme, invGlobex, crAcme, crGlobex, outGlobex, sprint] = [
    "Invoice one",
    "Invoice two",
    "Widget for Acme",
    "Gadget for Globex",
    "Migration",
    "Sprint 1",
  ].map(card);
  b.ingest();
  const feb = "2026-02-20T10:00:00.000Z";
  const settings = {
    v: 1,
    doneLists: [],
    sprintDays: 14,
    technicalLead: HOPPER,
    reportAudience: "internal",
    reportOnMonthClose: true,
  };
  const documents = {
    v: 1,
    items: [
      { id: "nda", name: "Acme NDA", status: "signed", shared: true, party: "Acme Corp" },
      { id: "pact", name: "Globex data pact", status: "draft", shared: false, party: "Globex Partners" },
    ],
  };
  b.setLoopData(b.boardId, { settings, documents }, feb);
  b.setLoopData(ada.id, { stakeholder: stakeholder("Ada Client", "client", "Acme Corp") }, "2026-03-03T09:00:00.000Z");
  b.setLoopData(
    ada.id,
    {
      stakeholder: stakeholder("Ada Client", "client", "Acme Corp", {
        buyIn: "opponent",
        status: "difficult",
        difficultReason: "Rewrites the brief (Narwhal)",
      }),
    },
    "2026-03-18T09:00:00.000Z",
  );
  const escalation = { to: "technical", reason: "Threatens to cancel (Zanzibar)", on: "2026-03-10" };
  b.setLoopData(
    bo.id,
    {
      stakeholder: stakeholder("Bo Client", "client", "Acme Corp"),
      log: {
        v: 1,
        entries: [{ id: "bo0301aaaaa", at: "2026-03-01T09:00:00.000Z", channel: "email", summary: "Kick-off notes" }],
      },
    },
    feb,
  );
  b.setLoopData(
    bo.id,
    { stakeholder: stakeholder("Bo Client", "client", "Acme Corp", { status: "escalated", escalation }) },
    "2026-03-10T12:00:00.000Z",
  );
  b.setLoopData(
    bo.id,
    {
      stakeholder: stakeholder("Bo Client", "client", "Acme Corp", {
        status: "escalated",
        escalation: { ...escalation, resolvedOn: "2026-03-25" },
      }),
    },
    "2026-03-25T12:00:00.000Z",
  );
  b.setLoopData(rae.id, { stakeholder: stakeholder("Rae Client", "client", "Acme Corp") }, feb);
  b.setLoopData(
    rae.id,
    {
      stakeholder: stakeholder("Rae Client", "client", "Acme Corp", {
        status: "released",
        release: { on: "2026-03-12", reason: "Left the company (Quetzal)" },
      }),
    },
    "2026-03-12T12:00:00.000Z",
  );
  b.setLoopData(
    gil.id,
    { stakeholder: stakeholder("Gil Partner", "partner", "Globex Partners", { buyIn: "supporter" }) },
    feb,
  );

  const invoice = (number: string, party: string, amount: number) => ({
    invoice: { v: 1, number, amount, currency: "EUR", issuedOn: "2026-03-02", dueOn: "2026-04-30", party },
  });
  b.setLoopData(invAcme!.id, invoice("INV-AC-101", "Acme Corp", 1000), feb);
  b.setLoopData(invGlobex!.id, invoice("INV-GX-202", "Globex Partners", 2000), feb);
  const change = (party: string, requestedBy: string, rationale: string) => ({
    scope: {
      v: 1,
      decision: "change",
      party,
      change: {
        status: "approved",
        requestedBy,
        proposedOn: "2026-03-02",
        decidedOn: "2026-03-09",
        rationale,
        impactDays: 3,
      },
    },
  });
  b.setLoopData(crAcme!.id, change("Acme Corp", ada.id, "Wombat boundary agreed"), feb);
  b.setLoopData(crGlobex!.id, change("Globex Partners", gil.id, "Toucan integration"), feb);
  b.setLoopData(
    outGlobex!.id,
    { scope: { v: 1, decision: "out", boundary: "No Platypus migration", party: "Globex Partners" } },
    feb,
  );
  b.setLoopData(
    sprint!.id,
    {
      sprint: { v: 1, number: 1, start: "2026-03-02", end: "2026-03-15", committed: [] },
      review: {
        v: 1,
        heldOn: "2026-03-16",
        attendees: [ada.id, gil.id],
        demoed: [],
        accepted: [],
        feedback: [
          { by: ada.id, sentiment: "positive", note: "Pelican flow is clear" },
          { by: gil.id, sentiment: "neutral", note: "Toucan needs docs" },
        ],
      },
    },
    feb,
  );
  return { board: b, ids: { ada, bo, rae, gil } };
}

/** After March has closed. */
export const APRIL_2 = Date.parse("2026-04-02T12:00:00Z");
