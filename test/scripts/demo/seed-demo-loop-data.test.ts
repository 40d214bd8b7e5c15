import { dayOf } from "../../../scripts/demo/demo-calendar";
import { seedDemoBoard, type DemoBoard } from "../../../scripts/demo/seed-demo-board";
import { seedDemoLoopData, type DemoLoopData } from "../../../scripts/demo/seed-demo-loop-data";
import { createTrelloSimulator, type TrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../../scripts/trello-sim/simulator-types";
import { invoiceStatus } from "../../../shared/loop/invoice-state";
import { LOOP_RECORDS, type LoopKey } from "../../../shared/loop/loop-records";
import { milestoneState } from "../../../shared/loop/milestone-state";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";

interface Card {
  id: string;
  name: string;
  idList: string;
  closed: boolean;
}

describe.each([
  ["late in a month", "2026-11-29T15:00:00Z"],
  ["on the 2nd of a month", "2026-03-02T08:00:00Z"],
])("the demo board seeded %s", (_when, instant) => {
  const now = Date.parse(instant);
  const today = dayOf(now);
  let sim: TrelloSimulator;
  let info: SimInfo;
  let board: DemoBoard;
  let loop: DemoLoopData;
  let cards: Card[];
  const data = (idModel: string) => sim.getPluginData({ scope: "card", idModel }) as Record<string, any>;
  const cardOf = (id: string) => cards.find((card) => card.id === id)!;

  beforeAll(async () => {
    sim = createTrelloSimulator({ rateLimits: false });
    info = await sim.listen(0);
    const second = sim.createMember({ fullName: "Sam Okafor" });
    board = seedDemoBoard(sim, now, { pm: info.memberId, second: second.id });
    loop = seedDemoLoopData(sim, board, now);
    const query = new URLSearchParams({ key: info.key, token: info.token });
    cards = (await (await fetch(`${info.baseUrl}/1/boards/${board.boardId}/cards/all?${query}`)).json()) as Card[];
  });
  afterAll(() => sim.close());

  it("keeps every record valid, on open cards only, with nothing dated in the future", () => {
    expect(cards.filter((card) => card.closed)).toEqual([]);
    for (const card of cards) {
      for (const [key, value] of Object.entries(data(card.id))) {
        expect(LOOP_RECORDS[key as LoopKey].scope).toBe("card");
        expect(readLoopRecord(key as LoopKey, value).status).toBe("ok");
      }
    }
    const actions = sim.boardActions(board.boardId);
    expect(actions.every((action) => Date.parse(action.date) <= now)).toBe(true);
    expect(Date.parse(actions.at(-1)!.date)).toBeLessThan(now - 90 * 86_400_000);
  });

  it("runs two-week sprints, each with a plan, a review once over, and reviews that agree with the board", () => {
    expect(board.sprints.length).toBeGreaterThanOrEqual(6);
    for (const sprint of board.sprints) {
      const { sprint: plan, review } = data(sprint.cardId);
      expect(cardOf(sprint.cardId)).toMatchObject({
        name: `Sprint ${plan.number}`,
        idList: board.lists.sprint,
        closed: false,
      });
      expect(plan.committed).toHaveLength(5);
      if (!sprint.window.over) {
        expect(review).toBeUndefined();
        continue;
      }
      expect(review.heldOn).toBe(plan.end);
      // Demoed: exactly the committed cards that reached Done by the review; accepted among them.
      expect(review.demoed).toEqual(sprint.completed.map((done) => done.cardId));
      for (const id of review.demoed) {
        expect(plan.committed).toContain(id);
        expect(cardOf(id).idList).toBe(board.lists.done);
        expect(dayOf(board.doneAt.get(id)!) <= review.heldOn).toBe(true);
      }
      expect(review.accepted.every((id: string) => review.demoed.includes(id))).toBe(true);
    }
    const numbers = board.sprints.map((sprint) => data(sprint.cardId).sprint.number);
    expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
  });

  it("puts milestones in the lists their state says: hit and missed in Done, overdue in progress, upcoming in the backlog", () => {
    const state = (id: string) => milestoneState(data(id).milestone, today).status;
    const { kickoff, discovery, design, beta, payments, goLive } = loop.milestones;
    expect([state(kickoff), state(discovery), state(beta), state(design), state(payments), state(goLive)]).toEqual([
      "hit",
      "hit",
      "hit",
      "missed",
      "overdue",
      "upcoming",
    ]);
    for (const id of [kickoff, discovery, beta, design]) expect(cardOf(id).idList).toBe(board.lists.done);
    expect(cardOf(payments).idList).toBe(board.lists.doing);
    expect(cardOf(goLive).idList).toBe(board.lists.backlog);
    const backlog = cards.filter((card) => card.idList === board.lists.backlog);
    expect(backlog.filter((card) => data(card.id).milestone?.doneOn)).toEqual([]);
  });

  it("has invoices paid, overdue and open, a change request in every state, and a partner escalated then resolved", () => {
    const invoices = Object.values(loop.invoices).map((id) => invoiceStatus(data(id).invoice, today));
    expect(new Set(invoices)).toEqual(new Set(["paid", "overdue", "open"]));
    expect(Object.entries(loop.changeRequests).map(([status, id]) => [status, data(id).scope.change.status])).toEqual(
      Object.keys(loop.changeRequests).map((status) => [status, status]),
    );
    expect(data(loop.stakeholders.dana).stakeholder).toMatchObject({ type: "client", org: "ACME", channel: "teams" });
    const jonas = data(loop.stakeholders.jonas).stakeholder;
    expect(jonas).toMatchObject({
      type: "partner",
      org: "Northwind",
      channel: "email",
      contact: "jonas.berg@northwind.example",
      status: "active",
    });
    expect(jonas.escalation.on < jonas.escalation.resolvedOn).toBe(true);
    expect(jonas.escalation.resolvedOn <= today).toBe(true);
  });
});
