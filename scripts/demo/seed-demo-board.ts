import type { TrelloSimulator } from "../trello-sim/create-trello-simulator";

const DAY = 86_400_000;

const CARD_NAMES = [
  "Kick-off workshop with ACME",
  "Agree weekly status call (Teams)",
  "Stakeholder map and RACI",
  "Draft MOU with Northwind (partner)",
  "SLA draft for support hours",
  "Board access for ACME PMO",
  "Discovery interviews: finance team",
  "Discovery interviews: warehouse",
  "Information architecture v1",
  "Wireframes: customer dashboard",
  "Wireframes: invoice history",
  "Design review with ACME marketing",
  "Single sign-on spike",
  "API contract with Northwind",
  "Sprint 1 review with stakeholders",
  "Data migration plan",
  "Accessibility audit",
  "Performance budget",
  "Content inventory",
  "Sprint 2 planning",
  "Invoice #1 (discovery milestone)",
  "Change request: multi-currency",
  "Out of scope: native mobile app",
  "Escalation: delayed content from ACME",
  "Pen-test scheduling",
  "Training plan for ACME support",
  "Hosting cost estimate",
  "Analytics events list",
  "Cookie consent",
  "Sprint 2 review with stakeholders",
];

/** A small deterministic random source, so every demo shows the same story. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export interface DemoBoard {
  boardId: string;
  lists: Record<"backlog" | "sprint" | "doing" | "review" | "done", string>;
  cardIds: string[];
  /** Each card's name, in the order of cardIds. */
  cardNames: string[];
}

/** Six weeks of a client delivery board: cards created, moved through the lists, commented, some archived. */
export function seedDemoBoard(sim: TrelloSimulator, now: number): DemoBoard {
  const random = seeded(42);
  const start = now - 42 * DAY;
  const board = sim.createBoard({
    name: "ACME Client Portal — Delivery",
    lists: ["Backlog", "Sprint", "In progress", "Review", "✅ Done"],
    at: start,
  });
  const [backlog, sprint, doing, review, done] = (board.lists as { id: string }[]).map((list) => list.id) as [string, string, string, string, string];
  const flow = [sprint, doing, review, done];
  const cardIds: string[] = [];
  CARD_NAMES.forEach((name, index) => {
    let at = start + index * 1.2 * DAY + random() * 4 * 3_600_000;
    const card = sim.createCard(backlog, { name, at });
    const id = card.id as string;
    cardIds.push(id);
    const steps = Math.floor(random() * (flow.length + 1));
    for (const list of flow.slice(0, steps)) {
      at += (0.5 + random() * 3) * DAY;
      if (at >= now - DAY) break;
      sim.moveCard(id, list, { at });
      if (random() < 0.5) sim.addComment(id, `Update shared with the client on ${new Date(at).toDateString()}.`, { at: at + 600_000 });
    }
    if (random() < 0.1 && at < now - DAY) sim.archiveCard(id, { at: at + DAY / 2 });
  });
  return { boardId: board.id as string, lists: { backlog, sprint, doing, review, done }, cardIds, cardNames: [...CARD_NAMES] };
}

/** Today's activity, made after the board is connected so it reaches the service as signed webhooks. */
export function liveDemoActivity(sim: TrelloSimulator, board: DemoBoard): void {
  const card = sim.createCard(board.lists.sprint, { name: "Weekly update to ACME sponsor" });
  sim.addComment(card.id as string, "Sent: progress, risks, next steps.");
  sim.moveCard(card.id as string, board.lists.done);
}
