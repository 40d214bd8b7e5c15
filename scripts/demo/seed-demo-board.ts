import { TEMPLATE_LABELS, TEMPLATE_LISTS } from "../../shared/board-template";
import type { TrelloSimulator } from "../trello-sim/create-trello-simulator";
import { DAY, dayOf, HOUR, projectStart, sprintWindows, type SprintWindow } from "./demo-calendar";

/** Deliverables the team works through, in the order they are planned. */
const WORK = [
  "Stakeholder map and RACI",
  "Discovery report for ACME",
  "Discovery interviews: finance team",
  "Discovery interviews: warehouse",
  "Information architecture v1",
  "Wireframes: customer dashboard",
  "Wireframes: invoice history",
  "Design review with ACME marketing",
  "Design system sign-off",
  "Single sign-on spike",
  "API contract with Northwind",
  "Customer dashboard: orders widget",
  "Customer dashboard: shipments widget",
  "Invoice history page",
  "Accessibility audit fixes",
  "Performance budget",
  "Data migration dry run",
  "Shipment tracking via Northwind API",
  "Notifications: email templates",
  "Notifications: delivery preferences",
  "Cookie consent",
  "Analytics events",
  "Support handbook for ACME",
  "Load test on staging",
  "Search across orders",
  "Export orders to CSV",
  "Role-based access for ACME staff",
  "Audit log",
  "Error pages and copy",
  "Returns flow for customers",
  "Delivery slot picker",
  "Address validation",
  "Order status emails",
  "Printable packing slips",
  "Warehouse dashboard",
  "Bulk order import",
  "Customer feedback widget",
  "Session timeout handling",
  "Backup and restore drill",
  "Monitoring and alerts",
  "Release notes for ACME",
  "Security headers review",
  "Localisation: German",
  "Localisation: French",
  "Data retention policy",
  "Help centre articles",
  "Final UAT with ACME",
  "Cut-over rehearsal",
  "Hypercare rota",
];
/** Milestone deliverables placed in particular sprints (see seedDemoBoard). */
export const BETA = "Beta release to ACME pilot users";
export const PAYMENTS = "Payments provider integration";
const BACKLOG = ["Training plan for ACME support", "Hosting cost review", "Pen-test scheduling", "Content freeze plan"];

export type DemoListKey = "stakeholders" | "scope" | "backlog" | "sprint" | "doing" | "review" | "done" | "reports";
const LIST_KEYS: DemoListKey[] = ["stakeholders", "scope", "backlog", "sprint", "doing", "review", "done", "reports"];

export interface DemoSprint {
  window: SprintWindow;
  /** The card the sprint's plan and review live on ("Sprint N", in the Sprint list). */
  cardId: string;
  committed: string[];
  /** Committed cards that reached Done by the review, with the day they did. */
  completed: { cardId: string; day: string }[];
}

export interface DemoBoard {
  boardId: string;
  lists: Record<DemoListKey, string>;
  sprints: DemoSprint[];
  /** Work cards by name. */
  work: Map<string, string>;
  /** When each card reached Done (cards not done are absent). */
  doneAt: Map<string, number>;
  /** Backlog cards by name, and the go-live milestone's card as `goLive`. */
  backlogCards: Record<string, string>;
  /** Members of the board: the PM (the simulator's default member) and a second member. */
  members: { pm: string; second: string };
}

/** A card's path through the lists: the moves still to come, each at a time. */
type Step = { list: DemoListKey; at: number; comment?: string };

/**
 * About four months of a client delivery board: the workflow's lists, two-week sprints each committing five
 * cards that move Sprint → In progress → Review → Done (one carried over every other sprint), a Sprint card per
 * sprint, and a backlog. Nothing is archived; everything is dated relative to `now` and deterministic.
 */
export function seedDemoBoard(sim: TrelloSimulator, now: number, members: DemoBoard["members"]): DemoBoard {
  const start = projectStart(now);
  const created = sim.createBoard({
    name: "ACME Client Portal — Delivery",
    lists: [...TEMPLATE_LISTS],
    at: start - 3 * DAY,
  });
  const boardId = String(created.id);
  const lists = Object.fromEntries(
    (created.lists as { id: string }[]).map((list, i) => [LIST_KEYS[i], String(list.id)]),
  ) as Record<DemoListKey, string>;
  for (const label of TEMPLATE_LABELS) sim.createLabel(boardId, { ...label, at: start - 3 * DAY });
  sim.addMemberToBoard(boardId, members.second, { at: start - 3 * DAY + HOUR });

  const work = new Map<string, string>();
  const doneAt = new Map<string, number>();
  const walk = (cardId: string, steps: Step[]) => {
    for (const step of steps) {
      if (step.at >= now - HOUR) return;
      sim.moveCard(cardId, lists[step.list], { at: step.at });
      if (step.list === "done") doneAt.set(cardId, step.at);
      if (step.comment) sim.addComment(cardId, step.comment, { at: step.at + 10 * 60_000 });
    }
  };

  const windows = sprintWindows(now);
  const lastOver = windows.filter((w) => w.over).at(-1)?.number;
  // The beta ships in the last sprint that closed in the previous month, so last month's report has it.
  const previousMonth = dayOf(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 0, 12)).slice(0, 7);
  const betaSprint = windows.filter((w) => w.over && w.end.startsWith(previousMonth)).at(-1)?.number;
  const sprints: DemoSprint[] = [];
  let next = 0;
  let carried: string | undefined;
  for (const window of windows) {
    const sprintCard = String(
      sim.createCard(lists.sprint, { name: `Sprint ${window.number}`, at: window.startAt - DAY }).id,
    );
    const committed: string[] = [];
    const T = window.startAt;
    if (carried) {
      committed.push(carried);
      // The payments integration slips out of the last finished sprint and is still in progress.
      const stuck = work.get(PAYMENTS) === carried;
      if (!stuck)
        walk(carried, [
          { list: "review", at: T + 2 * DAY },
          { list: "done", at: T + 3.5 * DAY, comment: "Finished after the carry-over; demoed in the review." },
        ]);
    }
    carried = undefined;
    while (committed.length < 5) {
      const i = committed.length;
      const lastOfLastOver = window.number === lastOver && i === 4;
      const name = lastOfLastOver
        ? PAYMENTS
        : window.number === betaSprint && i === 2
          ? BETA
          : (WORK[next++] ?? raise("the demo ran out of work card names"));
      const cardId = String(sim.createCard(lists.backlog, { name, at: T - (2 + i * 0.5) * DAY }).id);
      work.set(name, cardId);
      committed.push(cardId);
      const begin = T + (1 + 1.5 * i) * DAY;
      const carriesOver = i === 4 && window.over && (window.number % 2 === 0 || lastOfLastOver);
      const steps: Step[] = [
        { list: "sprint", at: T + 0.1 * DAY },
        {
          list: "doing",
          at: begin,
          comment: i % 2 === 0 ? "Started; questions for Dana collected in the description." : undefined,
        },
      ];
      if (!carriesOver)
        steps.push(
          { list: "review", at: begin + 3 * DAY },
          { list: "done", at: begin + 4.5 * DAY, comment: i % 2 === 1 ? "Merged and deployed to staging." : undefined },
        );
      walk(cardId, steps);
      if (carriesOver) carried = cardId;
    }
    const completed = committed
      .filter((cardId) => (doneAt.get(cardId) ?? Infinity) < window.reviewAt)
      .map((cardId) => ({ cardId, day: dayOf(doneAt.get(cardId)!) }));
    sprints.push({ window, cardId: sprintCard, committed, completed });
  }

  const backlogCards: Record<string, string> = {};
  BACKLOG.forEach(
    (name, i) =>
      (backlogCards[name] = String(sim.createCard(lists.backlog, { name, at: start + (10 + 20 * i) * DAY }).id)),
  );
  backlogCards.goLive = String(
    sim.createCard(lists.backlog, { name: "Go-live and hand-over", at: start + 5 * DAY }).id,
  );
  return { boardId, lists, sprints, work, doneAt, backlogCards, members };
}

/** Today's activity, made after the board is connected so it reaches the service as signed webhooks. */
export function liveDemoActivity(sim: TrelloSimulator, board: DemoBoard): void {
  const card = sim.createCard(board.lists.sprint, { name: "Weekly update to ACME sponsor" });
  sim.addComment(card.id as string, "Sent: progress, risks, next steps.");
  sim.moveCard(card.id as string, board.lists.done);
}

function raise(message: string): never {
  throw new Error(message);
}
