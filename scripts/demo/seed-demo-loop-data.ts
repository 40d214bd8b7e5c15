import { addDays, calendarDay } from "../../shared/loop/calendar-day";
import { LOOP_RECORDS, type LoopKey } from "../../shared/loop/loop-records";
import type { TrelloSimulator } from "../trello-sim/create-trello-simulator";
import type { DemoBoard } from "./seed-demo-board";

const DAY = 86_400_000;

export interface DemoLoopData {
  /** Stakeholder card ids by short name. */
  stakeholders: Record<"dana" | "northwind" | "sponsor", string>;
  sprintCardIds: string[];
}

/** Checks a record with its schema before it is written, so the demo never shows data the pages would refuse. */
function record<K extends LoopKey>(key: K, value: unknown): unknown {
  return LOOP_RECORDS[key].schema.parse(value);
}

function findCard(board: DemoBoard, prefix: string): string {
  const id = board.cardIds[board.cardNames.findIndex((name) => name.startsWith(prefix))];
  if (!id) throw new Error(`the demo board has no card starting "${prefix}"`);
  return id;
}

/**
 * The Loop side of the demo, written as the Power-Up's iframe would (t.set): stakeholders with their channels and
 * update logs, RACI roles, scope decisions and a change request, two sprints with a review, milestones, agreements
 * and an invoice, dated relative to `now`.
 */
export function seedDemoLoopData(sim: TrelloSimulator, board: DemoBoard, now: number): DemoLoopData {
  const day = (offset: number) => addDays(calendarDay(new Date(now)), offset);
  const at = (offset: number) => new Date(now + offset * DAY).toISOString();
  const list = sim.createList(board.boardId, { name: "Stakeholders", pos: 0, at: now - 42 * DAY });
  const person = (name: string) => String(sim.createCard(String(list.id), { name, at: now - 41 * DAY }).id);
  const stakeholders = { dana: person("Dana Ruiz — ACME"), northwind: person("Northwind Logistics"), sponsor: person("Priya Shah — ACME sponsor") };
  const setCard = (idModel: string, entries: Record<string, unknown>) => sim.setPluginData({ scope: "card", idModel }, entries);
  const initiated = { platform: true, roles: true, reviews: true, scope: true };

  setCard(stakeholders.dana, {
    stakeholder: record("stakeholder", {
      v: 1, name: "Dana Ruiz", type: "client", org: "ACME", roles: "Product owner", duties: "Accepts deliverables, prioritises the backlog",
      rights: "Approves change requests up to 5 days", influence: "high", interest: "high", channel: "teams", contact: "dana.ruiz@acme.example",
      cadenceDays: 7, buyIn: "supporter", status: "active", initiation: initiated,
    }),
    log: record("log", { v: 1, entries: [{ id: "demo0001", at: at(-9), channel: "teams", summary: "Weekly status: wireframes signed off, SSO spike started" }] }),
  });
  setCard(stakeholders.northwind, {
    stakeholder: record("stakeholder", {
      v: 1, name: "Northwind Logistics", type: "partner", org: "Northwind", roles: "Shipping API provider", duties: "Keeps the API contract stable",
      rights: "Read access to the board", influence: "medium", interest: "high", channel: "email", cadenceDays: 14, buyIn: "sceptic",
      status: "difficult", initiation: { platform: true, roles: false, reviews: false, scope: true },
    }),
    log: record("log", { v: 1, entries: [{ id: "demo0002", at: at(-5), channel: "email", summary: "Asked again for the sandbox credentials" }] }),
  });
  setCard(stakeholders.sponsor, {
    stakeholder: record("stakeholder", {
      v: 1, name: "Priya Shah", type: "sponsor", org: "ACME", roles: "Executive sponsor", influence: "high", interest: "medium",
      channel: "meeting", cadenceDays: 30, buyIn: "champion", status: "active", initiation: initiated,
    }),
    log: record("log", { v: 1, entries: [{ id: "demo0003", at: at(-20), channel: "meeting", summary: "Monthly steering: budget confirmed" }] }),
  });

  setCard(findCard(board, "Wireframes: customer dashboard"), {
    roles: record("roles", { v: 1, responsible: [], accountable: stakeholders.dana, consulted: [stakeholders.sponsor], informed: [] }),
    scope: record("scope", { v: 1, decision: "in", boundary: "Dashboard for web only; no offline mode" }),
  });
  setCard(findCard(board, "API contract with Northwind"), {
    roles: record("roles", { v: 1, responsible: [stakeholders.northwind], accountable: stakeholders.dana, consulted: [], informed: [stakeholders.sponsor] }),
  });
  setCard(findCard(board, "Out of scope: native mobile app"), {
    scope: record("scope", { v: 1, decision: "out", boundary: "We deliver a responsive web app; native iOS/Android apps are not part of this engagement" }),
  });
  setCard(findCard(board, "Change request: multi-currency"), {
    scope: record("scope", {
      v: 1, decision: "change", boundary: "Invoices in EUR and GBP",
      change: { status: "proposed", requestedBy: stakeholders.dana, proposedOn: day(-6), impactDays: 4, impactCost: 3200, currency: "EUR" },
    }),
  });
  const discovery = findCard(board, "Discovery interviews: finance team");
  setCard(discovery, { milestone: record("milestone", { v: 1, stage: "planning", deliverable: "Discovery report", due: day(-20), baselineDue: day(-20), doneOn: day(-21) }) });
  setCard(findCard(board, "Information architecture v1"), {
    milestone: record("milestone", { v: 1, stage: "execution", deliverable: "Beta release of the customer dashboard", due: day(12), baselineDue: day(5) }),
  });
  setCard(findCard(board, "Invoice #1"), {
    invoice: record("invoice", { v: 1, number: "ACME-2026-001", amount: 18500, currency: "EUR", issuedOn: day(-19), dueOn: day(11), milestone: discovery }),
  });

  const sprintOne = findCard(board, "Sprint 1 review");
  const sprintTwo = findCard(board, "Sprint 2 planning");
  const committedOne = board.cardIds.slice(6, 12);
  setCard(sprintOne, {
    sprint: record("sprint", { v: 1, number: 1, start: day(-28), end: day(-14), goal: "Discovery done, wireframes agreed", committed: committedOne }),
    review: record("review", {
      v: 1, heldOn: day(-14), attendees: [stakeholders.dana, stakeholders.sponsor], demoed: committedOne.slice(0, 4), accepted: committedOne.slice(0, 3),
      feedback: [{ by: stakeholders.dana, sentiment: "positive", note: "Dashboard layout is what finance asked for" }],
      decisions: "Invoice history moves to sprint 2", nextSteps: "SSO spike; API contract with Northwind",
    }),
  });
  setCard(sprintTwo, {
    sprint: record("sprint", { v: 1, number: 2, start: day(-14), end: day(0), goal: "SSO and the Northwind API contract", committed: board.cardIds.slice(12, 18) }),
  });

  sim.setPluginData({ scope: "board", idModel: board.boardId }, {
    settings: record("settings", { v: 1, timezone: "Europe/Berlin", doneLists: [], sprintDays: 14, reportAudience: "client", reportOnMonthClose: true }),
    documents: record("documents", {
      v: 1,
      items: [
        { id: "mou", name: "Memorandum of understanding (MOU)", status: "signed", link: "https://docs.example.com/acme-mou", shared: true },
        { id: "sla", name: "Service level agreement (SLA)", status: "draft", shared: false },
        { id: "access", name: "Board access for the client or partner", status: "signed", shared: true },
      ],
    }),
  });
  return { stakeholders, sprintCardIds: [sprintOne, sprintTwo] };
}
