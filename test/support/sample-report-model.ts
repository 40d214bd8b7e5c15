import type { ReportModel } from "../../server/reports/model/report-model";

/** Payloads that must reach every renderer as inert text. */
export const XSS_PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
] as const;
const [IMG, SCRIPT, SVG] = XSS_PAYLOADS;

export const NON_ASCII_NAME = "Zoë Ñúñez";
/** Outside Latin-1: needs a Unicode font in the PDF. */
export const CENTRAL_EUROPEAN_NAME = "Studio Łódź";
export const BOARD_NAME = `Website relaunch ${IMG}`;

/** A full March 2026 report for a board with hostile names everywhere, two currencies and non-ASCII names. */
export function sampleReportModel(): ReportModel {
  const milestone = (n: number, name: string, stage: string, due: string, baselineDue: string, doneOn?: string) => ({
    cardId: `m${n}`,
    cardName: name,
    stage,
    deliverable: `Deliverable ${n}, "signed off" ${SVG}`,
    due,
    baselineDue,
    doneOn,
    slippedDays: Math.round((Date.parse(due) - Date.parse(baselineDue)) / 86_400_000),
  });
  const hit = [milestone(1, `Kick-off ${IMG}`, "initiation", "2026-03-04", "2026-03-04", "2026-03-03")];
  const missed = [milestone(2, `Design sign-off ${SCRIPT}`, "planning", "2026-03-20", "2026-03-13")];
  const slipped = [missed[0], milestone(3, `Beta launch ${SVG}`, "execution", "2026-04-24", "2026-04-10")];
  const dueNextMonth = [
    slipped[1],
    milestone(4, "Content migration, phase 1", "execution", "2026-04-15", "2026-04-15"),
  ];
  const days = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, "0")}`);
  const listNames = ["Backlog", `Doing ${IMG}`, "Review", "Blocked"];
  return {
    schemaVersion: 3,
    board: { id: "board-1", name: BOARD_NAME },
    period: {
      month: "2026-03",
      timezone: "Europe/Berlin",
      start: "2026-02-28T23:00:00.000Z",
      end: "2026-03-31T22:00:00.000Z",
    },
    audience: "internal",
    generatedAt: "2026-04-01T07:30:00.000Z",
    cards: { created: 23, completed: 17 },
    comments: 41,
    summary: {
      status: "at-risk",
      statusReason: `One milestone missed: Design sign-off ${SCRIPT}`,
      computedStatus: "off-track",
      pmNote: `Client asked for "more, faster", see notes;\nsecond line ${SVG}`,
      highlights: [
        `Kick-off held with ${NON_ASCII_NAME} ${IMG}`,
        `Sprint 4 accepted *fully* _on time_ | no carry-over ${SCRIPT}`,
      ],
      keyFigures: [
        { label: "Milestones hit", value: "1 of 2" },
        { label: `Budget used ${SVG}`, value: "62 %" },
      ],
    },
    milestones: {
      hit,
      missed,
      slipped,
      dueNextMonth,
      stages: [
        { stage: "initiation", total: 2, done: 2 },
        { stage: "planning", total: 3, done: 1 },
        { stage: "execution", total: 5, done: 0 },
        { stage: "closing", total: 1, done: 0 },
      ],
    },
    sprints: [
      {
        cardId: "s4",
        number: 4,
        start: "2026-03-02",
        end: "2026-03-13",
        goal: `Checkout flow ${IMG}`,
        committed: 8,
        completed: 8,
        carriedOver: 0,
        review: {
          heldOn: "2026-03-13",
          demoed: 6,
          accepted: 5,
          feedback: [
            { stakeholder: NON_ASCII_NAME, sentiment: "positive", note: `Loved it ${SCRIPT}` },
            { stakeholder: `Mallory ${SVG}`, sentiment: "negative" },
          ],
          decisions: `Ship behind a flag ${IMG}`,
          nextSteps: "Load test, then release",
        },
      },
      {
        cardId: "s5",
        number: 5,
        start: "2026-03-16",
        end: "2026-03-27",
        goal: `Search ${SCRIPT}`,
        committed: 9,
        completed: 6,
        carriedOver: 3,
      },
    ],
    scope: {
      decisions: [
        {
          cardId: "c1",
          cardName: `Add dark mode ${IMG}`,
          decision: "change",
          status: "approved",
          rationale: `Brand guideline, "v2", page 3 ${SCRIPT}`,
          requestedBy: NON_ASCII_NAME,
          decidedOn: "2026-03-10",
          impactDays: 4,
          impactCost: 3200,
          currency: "EUR",
        },
        {
          cardId: "c2",
          cardName: `Native app ${SVG}`,
          decision: "change",
          status: "rejected",
          rationale: "Out of budget",
          requestedBy: "Bob",
          decidedOn: "2026-03-18",
          impactDays: 40,
          impactCost: 52000,
          currency: "USD",
        },
      ],
      changeRequests: [
        { status: "approved", count: 1, impactDays: 4, impactCost: [{ currency: "EUR", amount: 3200 }] },
        { status: "rejected", count: 1, impactDays: 40, impactCost: [{ currency: "USD", amount: 52000 }] },
        {
          status: "proposed",
          count: 2,
          impactDays: 7,
          impactCost: [
            { currency: "EUR", amount: 1500 },
            { currency: "USD", amount: 900 },
          ],
        },
      ],
      added: { count: 1, impactDays: 4 },
      outOfScope: [
        {
          cardId: "o1",
          cardName: `Legacy CMS import ${SCRIPT}`,
          decision: "out",
          boundary: `Only pages after 2020 ${IMG}`,
          rationale: "Agreed at kick-off",
        },
      ],
    },
    stakeholders: {
      rows: [
        {
          cardId: "p1",
          name: NON_ASCII_NAME,
          type: "client",
          organisation: `Acme ${IMG}`,
          channel: "email",
          cadenceDays: 7,
          updatesLogged: 4,
          lastUpdateAt: "2026-03-30T16:45:00.000Z",
          overdueDays: 0,
          buyIn: "supportive",
          buyInBefore: "neutral",
          status: "active",
        },
        {
          cardId: "p2",
          name: `Mallory ${SVG}`,
          type: "partner",
          channel: "meeting",
          cadenceDays: 14,
          updatesLogged: 0,
          overdueDays: 9,
          buyIn: "resistant",
          status: "difficult",
        },
        {
          cardId: "p3",
          name: `Eve ${SCRIPT}`,
          type: "sponsor",
          organisation: CENTRAL_EUROPEAN_NAME,
          channel: "phone",
          cadenceDays: 30,
          updatesLogged: 1,
          lastUpdateAt: "2026-03-02T08:00:00.000Z",
          overdueDays: 0,
          buyIn: "neutral",
          status: "escalated",
        },
      ],
      difficult: [{ cardId: "p2", stakeholder: `Mallory ${SVG}`, reason: `Rewrites the brief ${SCRIPT}` }],
      escalations: [
        {
          cardId: "p3",
          stakeholder: `Eve ${SCRIPT}`,
          to: "operational",
          leadName: NON_ASCII_NAME,
          reason: `Budget dispute ${IMG}`,
          on: "2026-03-21",
        },
      ],
      moves: [
        {
          cardId: "p3",
          stakeholder: `Eve ${SCRIPT}`,
          on: "2026-03-05",
          kind: "buy-in",
          from: "supporter",
          to: "neutral",
        },
        {
          cardId: "p3",
          stakeholder: `Eve ${SCRIPT}`,
          on: "2026-03-21",
          kind: "escalated",
          lead: "operational",
          leadName: NON_ASCII_NAME,
          reason: `Budget dispute ${IMG}`,
        },
      ],
    },
    flow: {
      created: 23,
      completed: 17,
      throughputByWeek: [
        { weekStart: "2026-02-23", completed: 1 },
        { weekStart: "2026-03-02", completed: 5 },
        { weekStart: "2026-03-09", completed: 3 },
        { weekStart: "2026-03-16", completed: 6 },
        { weekStart: "2026-03-23", completed: 2 },
        { weekStart: "2026-03-30", completed: 0 },
      ],
      cycleTimeDays: { median: 4.5, p85: 9, samples: 17 },
      cycleTimeDistribution: [0, 1, 2, 4, 7, 14, 28].map((fromDays, i, edges) => ({
        fromDays,
        toDays: edges[i + 1] ?? null,
        cards: [2, 3, 4, 3, 3, 2, 0][i],
      })),
      wipAtMonthEnd: listNames.map((listName, i) => ({ listId: `l${i}`, listName, cards: [6, 3, 2, 1][i] })),
      cumulativeFlow: days.map((date, d) => ({
        date,
        lists: listNames.map((listName, i) => ({
          listName,
          cards: Math.max(0, [12 - Math.floor(d / 5), 2 + (d % 3), 1 + (d % 2), d > 20 ? 1 : 0][i]),
        })),
      })),
    },
    documents: [
      { name: `Statement of work ${IMG}`, status: "signed", shared: true, link: "https://example.com/sow?x=1&y=2" },
      { name: `NDA, "mutual" ${SCRIPT}`, status: "draft", shared: false },
      { name: "Data processing agreement", status: "missing", shared: false },
    ],
    invoicing: {
      issued: [
        {
          cardId: "i2",
          number: "INV-002",
          amount: 4800,
          currency: "EUR",
          issuedOn: "2026-03-05",
          dueOn: "2026-04-04",
          milestone: `Kick-off ${IMG}`,
          status: "open",
        },
        {
          cardId: "i3",
          number: "INV-003",
          amount: 1250.5,
          currency: "USD",
          issuedOn: "2026-03-20",
          dueOn: "2026-04-19",
          status: "open",
        },
      ],
      paid: [
        {
          cardId: "i1",
          number: "INV-001",
          amount: 6000,
          currency: "EUR",
          issuedOn: "2026-02-01",
          dueOn: "2026-03-03",
          paidOn: "2026-03-02",
          status: "paid",
        },
      ],
      overdue: [
        {
          cardId: "i0",
          number: `INV-000 ${SVG}`,
          amount: 900,
          currency: "USD",
          issuedOn: "2026-01-15",
          dueOn: "2026-02-14",
          status: "overdue",
        },
      ],
      totals: [
        { currency: "EUR", issued: 4800, paid: 6000, overdue: 0 },
        { currency: "USD", issued: 1250.5, paid: 0, overdue: 900 },
      ],
    },
    nextMonth: {
      milestonesDue: dueNextMonth,
      sprintsPlanned: [{ cardId: "s6", number: 6, start: "2026-03-30", end: "2026-04-10", goal: `Polish ${SVG}` }],
      openChangeRequests: [
        {
          cardId: "c3",
          cardName: `Newsletter signup ${SCRIPT}`,
          decision: "change",
          status: "proposed",
          requestedBy: NON_ASCII_NAME,
          impactDays: 3,
          impactCost: 1500,
          currency: "EUR",
        },
      ],
    },
  };
}

/** The same board in a quiet month: every section empty. */
export function emptyReportModel(): ReportModel {
  const model = sampleReportModel();
  return {
    ...model,
    cards: { created: 0, completed: 0 },
    comments: 0,
    summary: { status: "on-track", statusReason: "Nothing is late.", highlights: [], keyFigures: [] },
    milestones: { hit: [], missed: [], slipped: [], dueNextMonth: [], stages: [] },
    sprints: [],
    scope: { decisions: [], changeRequests: [], added: { count: 0, impactDays: 0 }, outOfScope: [] },
    stakeholders: { rows: [], difficult: [], escalations: [], moves: [] },
    flow: {
      created: 0,
      completed: 0,
      throughputByWeek: [],
      cycleTimeDays: { median: null, p85: null, samples: 0 },
      cycleTimeDistribution: [0, 1, 2, 4, 7, 14, 28].map((fromDays, i, all) => ({
        fromDays,
        toDays: all[i + 1] ?? null,
        cards: 0,
      })),
      wipAtMonthEnd: [],
      cumulativeFlow: [],
    },
    documents: [],
    invoicing: { issued: [], paid: [], overdue: [], totals: [] },
    nextMonth: { milestonesDue: [], sprintsPlanned: [], openChangeRequests: [] },
  };
}
