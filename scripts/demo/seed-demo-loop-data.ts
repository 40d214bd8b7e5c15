import { addDays } from "../../shared/loop/calendar-day";
import { LOG_ENTRIES_KEPT } from "../../shared/loop/communication-log";
import { LOOP_RECORDS, type LoopKey } from "../../shared/loop/loop-records";
import type { TrelloSimulator } from "../trello-sim/create-trello-simulator";
import { DAY, dayOf, DEMO_TIME_ZONE, HOUR, projectStart, SPRINT_DAYS } from "./demo-calendar";
import { BETA, PAYMENTS, type DemoBoard } from "./seed-demo-board";

export interface DemoLoopData {
  /** Stakeholder card ids by short name. */
  stakeholders: Record<"dana" | "priya" | "jonas" | "marek", string>;
  /** Milestone card ids by what they show: hit, missed (done late), overdue (in progress), upcoming (backlog). */
  milestones: Record<"kickoff" | "discovery" | "design" | "beta" | "payments" | "goLive", string>;
  invoices: Record<"discovery" | "design" | "beta" | "retainer", string>;
  changeRequests: Record<"proposed" | "approved" | "rejected" | "deferred", string>;
}

/** Checks a record with its schema before it is written, so the demo never shows data the pages would refuse. */
function record<K extends LoopKey>(key: K, value: unknown): unknown {
  return LOOP_RECORDS[key].schema.parse(value);
}

const GOALS = [
  "Discovery done, stakeholder map agreed",
  "Wireframes agreed with ACME",
  "Design system signed off",
  "Customer dashboard in staging",
  "Invoice history and SSO",
  "Beta to the ACME pilot group",
  "Shipment tracking with Northwind",
  "Notifications and accessibility",
  "Payments and data migration",
  "Hardening for go-live",
];
const DANA_UPDATES = [
  "Weekly status: progress, risks, next steps",
  "Walked through the sprint board and open questions",
  "Shared the demo recording and review notes",
  "Agreed priorities for the coming sprint",
  "Weekly status: on track, one risk on Northwind data",
];

/**
 * The Loop side of the demo, written as the Power-Up's iframe would (t.set), consistent with the board: four
 * stakeholders of the client (ACME) and the partner (Northwind) with their update logs, a partner escalated and
 * resolved, each sprint's plan and review, milestones hit, missed, overdue and upcoming on cards in the lists
 * that say so, invoices paid and overdue, a change request in every state, agreements and the board settings.
 */
export function seedDemoLoopData(sim: TrelloSimulator, board: DemoBoard, now: number): DemoLoopData {
  const start = projectStart(now);
  const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1, 8);
  const previousMonthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 1, 1, 8);
  const iso = (at: number) => new Date(at).toISOString();
  const setCard = (idModel: string, entries: Record<string, unknown>) =>
    sim.setPluginData({ scope: "card", idModel }, entries);
  const card = (list: keyof DemoBoard["lists"], name: string, at: number) =>
    String(sim.createCard(board.lists[list], { name, at }).id);
  const work = (name: string) => board.work.get(name) ?? raise(`the demo board has no card "${name}"`);
  const doneDay = (cardId: string) =>
    dayOf(board.doneAt.get(cardId) ?? raise("a milestone card the seed expected done is not"));

  // Stakeholders, on their own cards in the Stakeholders list.
  const person = (name: string) => card("stakeholders", name, start - 2 * DAY);
  const stakeholders = {
    dana: person("Dana Ruiz — ACME"),
    priya: person("Priya Shah — ACME sponsor"),
    jonas: person("Jonas Berg — Northwind"),
    marek: person("Marek Fischer — ACME finance"),
  };
  const initiated = { platform: true, roles: true, reviews: true, scope: true };
  const log = (
    prefix: string,
    channel: string,
    every: number,
    first: number,
    summaries: (n: number, at: number) => string,
  ) => {
    const entries = [];
    for (let n = 0, at = start + first * DAY; at < now - HOUR; n += 1, at += every * DAY)
      entries.push({ id: `${prefix}${String(n).padStart(4, "0")}`, at: iso(at), channel, summary: summaries(n, at) });
    return record("log", { v: 1, entries: entries.reverse().slice(0, LOG_ENTRIES_KEPT) });
  };
  // Escalated in the previous month, resolved in this one: both months' reports tell that story.
  const escalatedOn = previousMonthStart + 8 * DAY;
  const resolvedOn = Math.min(Math.max(monthStart + 2 * HOUR, now - 3 * DAY), now - HOUR);
  setCard(stakeholders.dana, {
    stakeholder: record("stakeholder", {
      v: 1,
      name: "Dana Ruiz",
      type: "client",
      org: "ACME",
      roles: "Product owner",
      duties: "Accepts deliverables, prioritises the backlog",
      rights: "Approves change requests up to 5 days",
      influence: "high",
      interest: "high",
      channel: "teams",
      contact: "dana.ruiz@acme.example",
      cadenceDays: 7,
      buyIn: "champion",
      status: "active",
      initiation: initiated,
    }),
    log: log("dana", "teams", 7, 5, (n) => DANA_UPDATES[n % DANA_UPDATES.length]!),
  });
  setCard(stakeholders.priya, {
    stakeholder: record("stakeholder", {
      v: 1,
      name: "Priya Shah",
      type: "sponsor",
      org: "ACME",
      roles: "Executive sponsor",
      duties: "Owns the budget and the go-live date",
      influence: "high",
      interest: "medium",
      channel: "meeting",
      contact: "priya.shah@acme.example",
      cadenceDays: 30,
      buyIn: "supporter",
      status: "active",
      initiation: initiated,
    }),
    log: log("priya", "meeting", 28, 3, (n) =>
      n === 0
        ? "Kick-off steering: scope, budget and reporting agreed"
        : "Monthly steering: budget, milestones and risks",
    ),
  });
  setCard(stakeholders.jonas, {
    stakeholder: record("stakeholder", {
      v: 1,
      name: "Jonas Berg",
      type: "partner",
      org: "Northwind",
      roles: "Shipping API provider",
      duties: "Keeps the shipping API contract stable; supplies sandbox access",
      rights: "Read access to the board; attends sprint reviews",
      influence: "medium",
      interest: "high",
      channel: "email",
      contact: "jonas.berg@northwind.example",
      cadenceDays: 14,
      buyIn: "supporter",
      status: "active",
      initiation: initiated,
      escalation: {
        to: "technical",
        reason: "Sandbox credentials for the shipping API three weeks late; tracking work blocked",
        on: dayOf(escalatedOn),
        resolvedOn: dayOf(resolvedOn),
      },
    }),
    log: log("jonas", "email", 14, 8, (_n, at) =>
      at < escalatedOn
        ? "API contract review: versioning and rate limits"
        : at < resolvedOn
          ? "Escalated: sandbox credentials still missing, lead informed"
          : "Sandbox live; tracking integration back on plan",
    ),
  });
  setCard(stakeholders.marek, {
    stakeholder: record("stakeholder", {
      v: 1,
      name: "Marek Fischer",
      type: "client",
      org: "ACME",
      roles: "Finance lead",
      duties: "Approves invoices; owns the invoice history requirements",
      influence: "medium",
      interest: "medium",
      channel: "email",
      contact: "marek.fischer@acme.example",
      cadenceDays: 14,
      buyIn: "neutral",
      status: "active",
      initiation: { platform: true, roles: true, reviews: false, scope: true },
    }),
    // Last written to 24 days ago on a 14-day cadence: the one overdue update the reports point at.
    log: record("log", {
      v: 1,
      entries: [
        {
          id: "marek0001",
          at: iso(now - 24 * DAY),
          channel: "email",
          summary: "Sent the invoice history wireframes for comment",
        },
        {
          id: "marek0000",
          at: iso(start + 12 * DAY),
          channel: "email",
          summary: "Interview notes from the finance discovery session",
        },
      ],
    }),
  });

  // Each sprint's plan, and the review of every sprint that is over: what was done by then is what was demoed.
  const attendees = (number: number) =>
    number >= 3 ? [stakeholders.dana, stakeholders.priya, stakeholders.jonas] : [stakeholders.dana, stakeholders.priya];
  for (const sprint of board.sprints) {
    const { window } = sprint;
    const entries: Record<string, unknown> = {
      sprint: record("sprint", {
        v: 1,
        number: window.number,
        start: window.start,
        end: window.end,
        goal: GOALS[(window.number - 1) % GOALS.length],
        committed: sprint.committed,
      }),
    };
    if (window.over) {
      const demoed = sprint.completed.map((done) => done.cardId);
      const carried = sprint.committed.length - demoed.length;
      entries.review = record("review", {
        v: 1,
        heldOn: window.end,
        attendees: attendees(window.number),
        demoed,
        accepted: demoed,
        feedback: [
          {
            by: stakeholders.dana,
            sentiment: carried ? "neutral" : "positive",
            note: carried ? "Good progress; one card carries over" : "Everything we asked for, on time",
          },
          ...(window.number >= 3
            ? [
                {
                  by: stakeholders.jonas,
                  sentiment:
                    window.over && window.startAt < resolvedOn && window.reviewAt > escalatedOn
                      ? "negative"
                      : "positive",
                  note: "Tracking depends on our sandbox",
                },
              ]
            : []),
        ],
        decisions: carried ? "Unfinished card carries over to the next sprint" : "All committed cards accepted",
        nextSteps: GOALS[window.number % GOALS.length],
      });
    }
    setCard(sprint.cardId, entries);
  }

  // Milestones on the cards that deliver them: hit and missed ones are Done, the overdue one is in progress.
  const kickoff = work("Stakeholder map and RACI");
  const discovery = work("Discovery report for ACME");
  const design = work("Design system sign-off");
  const beta = work(BETA);
  const payments = work(PAYMENTS);
  const sprintStart = (number: number) => start + (number - 1) * SPRINT_DAYS * DAY;
  const milestone = (stage: string, deliverable: string, due: string, baselineDue = due, doneOn?: string) =>
    record("milestone", { v: 1, stage, deliverable, due, baselineDue, ...(doneOn ? { doneOn } : {}) });
  setCard(kickoff, {
    milestone: milestone(
      "initiation",
      "Stakeholder map and RACI agreed",
      dayOf(start + 6 * DAY),
      undefined,
      doneDay(kickoff),
    ),
    roles: record("roles", {
      v: 1,
      responsible: [],
      accountable: stakeholders.dana,
      consulted: [stakeholders.priya],
      informed: [stakeholders.jonas, stakeholders.marek],
    }),
  });
  setCard(discovery, {
    milestone: milestone(
      "planning",
      "Discovery report",
      dayOf(sprintStart(1) + 13 * DAY),
      undefined,
      doneDay(discovery),
    ),
    roles: record("roles", {
      v: 1,
      responsible: [],
      accountable: stakeholders.dana,
      consulted: [stakeholders.marek],
      informed: [stakeholders.priya],
    }),
  });
  setCard(design, {
    milestone: milestone(
      "planning",
      "Design system signed off by ACME marketing",
      dayOf(sprintStart(2) + 7 * DAY),
      undefined,
      doneDay(design),
    ),
  });
  setCard(beta, {
    milestone: milestone(
      "execution",
      "Beta release to the ACME pilot group",
      addDays(doneDay(beta), 1),
      undefined,
      doneDay(beta),
    ),
  });
  setCard(payments, {
    milestone: milestone("execution", "Payments provider live in staging", dayOf(now - 2 * DAY), dayOf(now - 9 * DAY)),
  });
  const nextMonthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 1, 1, 12);
  setCard(board.backlogCards.goLive!, {
    milestone: milestone("closing", "Go-live and hand-over to ACME support", dayOf(nextMonthStart + 20 * DAY)),
  });
  setCard(work("API contract with Northwind"), {
    roles: record("roles", {
      v: 1,
      responsible: [stakeholders.jonas],
      accountable: stakeholders.dana,
      consulted: [],
      informed: [stakeholders.priya],
    }),
  });

  // Invoices tied to the milestones: raised in Review, moved to Done when paid.
  const invoice = (
    name: string,
    number: string,
    amount: number,
    issuedAt: number,
    dueDays: number,
    milestoneCard: string | undefined,
    paidAt?: number,
  ) => {
    const id = card("review", name, issuedAt);
    const paid = paidAt !== undefined && paidAt < now - HOUR ? paidAt : undefined;
    if (paid !== undefined) sim.moveCard(id, board.lists.done, { at: paid });
    setCard(id, {
      invoice: record("invoice", {
        v: 1,
        number,
        amount,
        currency: "EUR",
        issuedOn: dayOf(issuedAt),
        dueOn: dayOf(issuedAt + dueDays * DAY),
        ...(paid !== undefined ? { paidOn: dayOf(paid) } : {}),
        ...(milestoneCard ? { milestone: milestoneCard } : {}),
      }),
    });
    return id;
  };
  const issuedAfter = (cardId: string) => board.doneAt.get(cardId)! + DAY;
  const invoices = {
    discovery: invoice(
      "Invoice ACME-001: discovery",
      "ACME-001",
      18_500,
      issuedAfter(discovery),
      30,
      discovery,
      issuedAfter(discovery) + 21 * DAY,
    ),
    design: invoice("Invoice ACME-002: design", "ACME-002", 24_000, issuedAfter(design), 30, design),
    beta: invoice(
      "Invoice ACME-003: beta",
      "ACME-003",
      31_000,
      issuedAfter(beta),
      21,
      beta,
      issuedAfter(beta) + 12 * DAY,
    ),
    retainer: invoice(
      "Invoice ACME-004: support retainer",
      "ACME-004",
      4_500,
      Math.min(monthStart + DAY, now - 2 * HOUR),
      30,
      undefined,
    ),
  };

  // Scope: what is in and out, and a change request in every state, each decided in its own month.
  const scopeCard = (name: string, at: number, scope: unknown) => {
    const id = card("scope", name, at);
    setCard(id, { scope: record("scope", scope) });
    return id;
  };
  scopeCard("Customer dashboard: web only", start, {
    v: 1,
    decision: "in",
    boundary: "Responsive web dashboard; no offline mode",
  });
  scopeCard("Out of scope: native mobile apps", start + DAY, {
    v: 1,
    decision: "out",
    boundary: "We deliver a responsive web app; native iOS/Android apps are not part of this engagement",
  });
  const change = (
    status: string,
    proposedAt: number,
    decidedAt: number | undefined,
    { boundary, ...request }: Record<string, unknown>,
  ) => ({
    v: 1,
    decision: "change",
    boundary,
    change: {
      status,
      requestedBy: stakeholders.dana,
      proposedOn: dayOf(proposedAt),
      ...(decidedAt ? { decidedOn: dayOf(decidedAt), decidedBy: board.members.pm } : {}),
      ...request,
    },
  });
  const changeRequests = {
    rejected: scopeCard(
      "Change request: offline mode for warehouse tablets",
      start + 20 * DAY,
      change("rejected", start + 20 * DAY, start + 27 * DAY, {
        boundary: "Offline mode for tablets",
        rationale: "Outside the web-only boundary agreed in the MOU",
        impactDays: 15,
        impactCost: 12_000,
        currency: "EUR",
      }),
    ),
    // Raised last month, decided in this one: the month's report has a decision to show.
    deferred: scopeCard(
      "Change request: analytics dashboard v2",
      previousMonthStart + 15 * DAY,
      change(
        "deferred",
        previousMonthStart + 15 * DAY,
        Math.min(Math.max(monthStart + 3 * HOUR, now - 2 * DAY), now - HOUR),
        {
          boundary: "Second analytics dashboard",
          rationale: "Revisit after go-live, with real usage data",
          impactDays: 6,
          impactCost: 4_800,
          currency: "EUR",
        },
      ),
    ),
    approved: scopeCard(
      "Change request: SSO with ACME's Azure AD",
      previousMonthStart + 3 * DAY,
      change("approved", previousMonthStart + 3 * DAY, previousMonthStart + 7 * DAY, {
        boundary: "Sign-in through ACME's Azure AD",
        rationale: "ACME security policy; fits in sprint capacity",
        impactDays: 4,
        impactCost: 3_200,
        currency: "EUR",
      }),
    ),
    proposed: scopeCard(
      "Change request: multi-currency invoices",
      Math.max(monthStart + 2 * HOUR, now - 3 * DAY),
      change("proposed", Math.max(monthStart + 2 * HOUR, now - 3 * DAY), undefined, {
        boundary: "Invoices in EUR and GBP",
        impactDays: 4,
        impactCost: 3_200,
        currency: "EUR",
      }),
    ),
  };

  sim.setPluginData(
    { scope: "board", idModel: board.boardId },
    {
      settings: record("settings", {
        v: 1,
        timezone: DEMO_TIME_ZONE,
        doneLists: [board.lists.done],
        sprintDays: SPRINT_DAYS,
        technicalLead: board.members.pm,
        operationalLead: board.members.second,
        reportAudience: "internal",
        reportOnMonthClose: true,
      }),
      documents: record("documents", {
        v: 1,
        items: [
          {
            id: "mou",
            name: "Memorandum of understanding (MOU)",
            status: "signed",
            link: "https://docs.example.com/acme-mou",
            shared: true,
          },
          {
            id: "sla",
            name: "Service level agreement (SLA)",
            status: "signed",
            link: "https://docs.example.com/acme-sla",
            shared: true,
          },
          { id: "access", name: "Board access for the client or partner", status: "signed", shared: true },
          { id: "dpa", name: "Data processing agreement (Northwind)", status: "draft", shared: false },
        ],
      }),
    },
  );
  return {
    stakeholders,
    milestones: { kickoff, discovery, design, beta, payments, goLive: board.backlogCards.goLive! },
    invoices,
    changeRequests,
  };
}

function raise(message: string): never {
  throw new Error(message);
}
