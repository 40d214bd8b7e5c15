import { LoopBoard } from "./loop-board";

/** The member BoardStory writes every action as; ingestion stores them, so they can be a board's lead. */
export const HOPPER = "5e679b808e6e8828784b30e1";

function stakeholder(name: string, fields: Record<string, unknown> = {}) {
  return {
    v: 1,
    name,
    type: "client",
    org: "Acme",
    influence: "high",
    interest: "high",
    channel: "email",
    cadenceDays: 14,
    buyIn: "neutral",
    status: "active",
    initiation: { platform: true, roles: true, reviews: true, scope: false },
    ...fields,
  };
}

function logOf(...entries: [string, string][]) {
  return {
    v: 1,
    entries: entries.map(([id, at]) => ({ id, at, channel: "email", summary: `Update ${at.slice(0, 10)}` })).reverse(),
  };
}

/**
 * A client-delivery board through March 2026 in Europe/Berlin, as the scripted history of its Trello actions and of its
 * Loop data (each refresh seen on its date):
 * - Alice's buy-in goes from neutral to supporter on 15 March; Bob, weekly updates, last one on 10 March, is
 *   escalated to the technical lead on 20 March; Dana is difficult.
 * - Milestones: kick-off (February, done), discovery (hit on the 9th), design sign-off (due the 20th, never done:
 *   missed), beta (baseline 1 April, moved to 15 April: slipped 14 days, due next month).
 * - Change requests: SSO approved on the 12th (5 days, EUR 4,000), mobile app rejected on the 18th (20 days,
 *   USD 15,000), dark mode proposed on the 25th; the legacy CRM is out of scope.
 * - Sprint 3 (2–15 March) commits three cards: one done on the 10th, one on the 16th (too late), one never; its review
 *   on the 16th. Sprint 4 (16–29 March) commits the two left; one done on the 16th. Sprint 5 starts 6 April.
 * - Invoices: INV-1 EUR 10,000 paid on time; INV-2 USD 5,000 from February, unpaid; INV-3 EUR 2,500 not yet due;
 *   INV-4 USD 3,000 due 20 March and paid on 2 April (overdue at month end).
 */
export function marchLoopBoard() {
  const b = new LoopBoard();
  const s = b.story;
  const backlog = s.createList("2026-02-01T08:00:00Z", "Backlog");
  const doing = s.createList("2026-02-01T08:00:00Z", "Doing");
  const done = s.createList("2026-02-01T08:00:00Z", "Done");
  const card = (name: string) => s.createCard("2026-02-02T08:00:00Z", backlog, name);
  const alice = card("Alice (Acme CTO)");
  const bob = card("Bob (Acme procurement)");
  const dana = card("Dana (Acme legal)");
  const kickoff = card("Kick-off");
  const discovery = card("Discovery");
  const design = card("Design sign-off");
  const beta = card("Beta");
  const sso = card("SSO");
  const mobile = card("Mobile app");
  const darkMode = card("Dark mode");
  const legacy = card("Legacy CRM migration");
  const sprint3 = card("Sprint 3");
  const sprint4 = card("Sprint 4");
  const sprint5 = card("Sprint 5");
  const inv = [1, 2, 3, 4].map((n) => card(`Invoice ${n}`));
  const [taskA, taskB, taskC] = ["Login page", "Search", "Export"].map(card);
  s.moveCard("2026-03-03T09:00:00Z", taskA!, doing);
  s.moveCard("2026-03-10T09:00:00Z", taskA!, done);
  s.moveCard("2026-03-04T09:00:00Z", taskB!, doing);
  s.moveCard("2026-03-16T09:00:00Z", taskB!, done);
  s.moveCard("2026-03-04T09:00:00Z", taskC!, doing);
  s.comment("2026-03-11T09:00:00Z", taskA!, "Shipped to staging");
  b.ingest();
  b.store.boardSettings.save({ boardId: b.boardId, timezone: "Europe/Berlin", doneListIds: null });

  const feb = "2026-02-20T10:00:00.000Z";
  const settings = {
    v: 1,
    timezone: "Europe/Berlin",
    doneLists: [],
    sprintDays: 14,
    technicalLead: HOPPER,
    reportAudience: "internal",
    reportOnMonthClose: true,
  };
  const documents = {
    v: 1,
    items: [
      {
        id: "mou",
        name: "Memorandum of understanding (MOU)",
        status: "signed",
        shared: true,
        link: "https://docs.example.com/mou",
      },
      { id: "sla", name: "Service level agreement (SLA)", status: "draft", shared: false },
    ],
  };
  b.setLoopData(b.boardId, { settings, documents }, feb);
  const aliceLog = logOf(
    ["alice0225aa", "2026-02-25T09:00:00.000Z"],
    ["alice0305aa", "2026-03-05T09:00:00.000Z"],
    ["alice0320aa", "2026-03-20T09:00:00.000Z"],
  );
  b.setLoopData(
    alice.id,
    { stakeholder: stakeholder("Alice Example"), log: logOf(["alice0225aa", "2026-02-25T09:00:00.000Z"]) },
    feb,
  );
  b.setLoopData(
    alice.id,
    { stakeholder: stakeholder("Alice Example", { buyIn: "supporter" }), log: aliceLog },
    "2026-03-20T10:00:00.000Z",
  );
  const escalation = { to: "technical", reason: "Refuses the agreed API contract", on: "2026-03-20" };
  b.setLoopData(
    bob.id,
    {
      stakeholder: stakeholder("Bob Buyer", { cadenceDays: 7, buyIn: "sceptic" }),
      log: logOf(["bob0310aaaa", "2026-03-10T09:00:00.000Z"]),
    },
    feb,
  );
  b.setLoopData(
    bob.id,
    {
      stakeholder: stakeholder("Bob Buyer", { cadenceDays: 7, buyIn: "sceptic", status: "escalated", escalation }),
      log: logOf(["bob0310aaaa", "2026-03-10T09:00:00.000Z"]),
    },
    "2026-03-20T11:00:00.000Z",
  );
  b.setLoopData(
    dana.id,
    {
      stakeholder: stakeholder("Dana Lawyer", { status: "difficult", cadenceDays: 30 }),
      log: logOf(["dana0315aaa", "2026-03-15T09:00:00.000Z"]),
    },
    feb,
  );

  const milestone = (stage: string, deliverable: string, due: string, baselineDue: string, doneOn?: string) => ({
    milestone: { v: 1, stage, deliverable, due, baselineDue, ...(doneOn ? { doneOn } : {}) },
  });
  b.setLoopData(
    kickoff.id,
    milestone("initiation", "Kick-off workshop", "2026-02-10", "2026-02-10", "2026-02-10"),
    feb,
  );
  b.setLoopData(discovery.id, milestone("planning", "Discovery report", "2026-03-10", "2026-03-10", "2026-03-09"), feb);
  b.setLoopData(design.id, milestone("planning", "Design sign-off", "2026-03-20", "2026-03-20"), feb);
  b.setLoopData(beta.id, milestone("execution", "Beta release", "2026-04-15", "2026-04-01"), feb);

  const change = (fields: Record<string, unknown>) => ({
    scope: { v: 1, decision: "change", change: { requestedBy: alice.id, ...fields } },
  });
  b.setLoopData(
    sso.id,
    change({
      status: "approved",
      proposedOn: "2026-03-02",
      decidedOn: "2026-03-12",
      rationale: "Security requirement",
      impactDays: 5,
      impactCost: 4000,
      currency: "EUR",
    }),
    feb,
  );
  b.setLoopData(
    mobile.id,
    change({
      status: "rejected",
      proposedOn: "2026-03-05",
      decidedOn: "2026-03-18",
      rationale: "Not in this phase",
      impactDays: 20,
      impactCost: 15000,
      currency: "USD",
    }),
    feb,
  );
  b.setLoopData(darkMode.id, change({ status: "proposed", proposedOn: "2026-03-25", impactDays: 2 }), feb);
  b.setLoopData(legacy.id, { scope: { v: 1, decision: "out", boundary: "We do not migrate the old CRM" } }, feb);

  const committed3 = [taskA!.id, taskB!.id, taskC!.id];
  b.setLoopData(
    sprint3.id,
    {
      sprint: {
        v: 1,
        number: 3,
        start: "2026-03-02",
        end: "2026-03-15",
        goal: "Login and search",
        committed: committed3,
      },
      review: {
        v: 1,
        heldOn: "2026-03-16",
        attendees: [alice.id, bob.id],
        demoed: [taskA!.id, taskB!.id],
        accepted: [taskA!.id],
        feedback: [
          { by: alice.id, sentiment: "positive", note: "Login looks great" },
          { by: bob.id, sentiment: "negative" },
        ],
        decisions: "Search moves to sprint 4",
      },
    },
    feb,
  );
  b.setLoopData(
    sprint4.id,
    { sprint: { v: 1, number: 4, start: "2026-03-16", end: "2026-03-29", committed: [taskB!.id, taskC!.id] } },
    feb,
  );
  b.setLoopData(
    sprint5.id,
    { sprint: { v: 1, number: 5, start: "2026-04-06", end: "2026-04-19", goal: "Beta hardening", committed: [] } },
    feb,
  );

  const invoice = (
    number: string,
    amount: number,
    currency: string,
    issuedOn: string,
    dueOn: string,
    paidOn?: string,
  ) => ({
    invoice: {
      v: 1,
      number,
      amount,
      currency,
      issuedOn,
      dueOn,
      ...(paidOn ? { paidOn } : {}),
      milestone: discovery.id,
    },
  });
  b.setLoopData(inv[0]!.id, invoice("INV-1", 10000, "EUR", "2026-03-01", "2026-03-15", "2026-03-14"), feb);
  b.setLoopData(inv[1]!.id, invoice("INV-2", 5000, "USD", "2026-02-15", "2026-03-01"), feb);
  b.setLoopData(inv[2]!.id, invoice("INV-3", 2500, "EUR", "2026-03-20", "2026-04-20"), feb);
  b.setLoopData(inv[3]!.id, invoice("INV-4", 3000, "USD", "2026-03-05", "2026-03-20", "2026-04-02"), feb);

  return {
    board: b,
    lists: { backlog, doing, done },
    ids: {
      alice,
      bob,
      dana,
      sso,
      mobile,
      darkMode,
      legacy,
      sprint3,
      sprint4,
      sprint5,
      taskA: taskA!,
      taskB: taskB!,
      taskC: taskC!,
      discovery,
      design,
      beta,
    },
  };
}

/** After the month has closed: the month is judged on its last day. */
export const APRIL_10 = Date.parse("2026-04-10T12:00:00Z");
