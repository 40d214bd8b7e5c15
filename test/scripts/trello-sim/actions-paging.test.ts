import request from "supertest";
import { createTrelloSimulator, type TrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import { seedBoard } from "./support/test-sim";

const START = Date.parse("2024-01-01T09:00:00.000Z");
const MINUTE = 60_000;

let sim: TrelloSimulator;
let auth: { key: string; token: string };
let boardId: string;
let cardIds: string[];

/** 1 createBoard + 3 createList + 300 createCard + 1,800 comments and moves: 2,104 actions over ~35 days. */
beforeAll(() => {
  sim = createTrelloSimulator({ rateLimits: false });
  auth = { key: sim.key, token: sim.token };
  const { board, todo, doing, done } = seedBoard(sim, "History", new Date(START).toISOString());
  boardId = board.id;
  cardIds = [];
  let at = START + MINUTE;
  for (let i = 0; i < 300; i++) cardIds.push(sim.createCard(todo.id, { name: `Card ${i}`, at: (at += MINUTE) }).id);
  for (let round = 0; round < 3; round++) {
    for (const id of cardIds) {
      sim.addComment(id, `Update ${round}`, { at: (at += MINUTE) });
      sim.moveCard(id, round % 2 === 0 ? doing.id : done.id, { at: (at += MINUTE) });
    }
  }
});
afterAll(() => sim.close());

function page(query: Record<string, string | number>) {
  return request(sim.app)
    .get(`/1/boards/${boardId}/actions`)
    .query({ ...auth, ...query });
}

describe("GET /1/boards/{id}/actions", () => {
  it("returns the newest 50 actions by default, newest first", async () => {
    const res = await page({}).expect(200);
    expect(res.body).toHaveLength(50);
    const dates = res.body.map((action: { date: string }) => action.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(res.body[0]).toMatchObject({ type: "updateCard", data: { listAfter: { name: "Doing" } } });
  });

  it("refuses a limit over 1,000 with 400, as Trello does", async () => {
    const res = await page({ limit: 1001 }).expect(400);
    expect(res.text).toBe("invalid value for limit");
    await page({ limit: 1000 }).expect(200);
  });

  it("pages back through more than 2,000 actions with `before`, each action exactly once", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const res = await page({ limit: 1000, ...(before ? { before } : {}) }).expect(200);
      if (res.body.length === 0) break;
      seen.push(...res.body.map((action: { id: string }) => action.id));
      before = res.body[res.body.length - 1].id;
    }
    expect(seen).toHaveLength(2104);
    expect(new Set(seen).size).toBe(2104);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it("returns the newest actions after `since` (an action id, excluded), and pages down to it with `before`", async () => {
    const all = sim.boardActions(boardId).map((action) => action.id);
    const since = all[1500]!;
    const first = await page({ since, limit: 1000 }).expect(200);
    expect(first.body.map((action: { id: string }) => action.id)).toEqual(all.slice(0, 1000));
    const second = await page({ since, before: all[999]!, limit: 1000 }).expect(200);
    expect(second.body.map((action: { id: string }) => action.id)).toEqual(all.slice(1000, 1500));
  });

  it("takes ISO dates for `before` (exclusive) and `since` (inclusive)", async () => {
    const all = sim.boardActions(boardId);
    const from = all[1000]!.date;
    const to = all[990]!.date;
    const res = await page({ since: from, before: to, limit: 1000 }).expect(200);
    expect(res.body.map((action: { date: string }) => action.date)).toEqual(
      all.slice(991, 1001).map((action) => action.date),
    );
  });

  it("filters by a comma list of types, and by type:field", async () => {
    const comments = await page({ filter: "commentCard", limit: 1000 }).expect(200);
    expect(comments.body).toHaveLength(900);
    const mixed = await page({ filter: "createCard,createList", limit: 1000 }).expect(200);
    expect(mixed.body).toHaveLength(303);
    const moves = await page({ filter: "updateCard:idList", limit: 1000 }).expect(200);
    expect(moves.body).toHaveLength(900);
    expect(moves.body.every((action: { data: { old: object } }) => "idList" in action.data.old)).toBe(true);
  });

  it("leaves out memberCreator and display only when asked", async () => {
    const plain = await page({ limit: 1 }).expect(200);
    expect(plain.body[0].memberCreator).toMatchObject({ id: sim.memberId, username: "simmember" });
    expect(plain.body[0].display).toBeUndefined();
    const shaped = await page({ limit: 1, display: "true", memberCreator: "false" }).expect(200);
    expect(shaped.body[0].display.translationKey).toBe("action_move_card_from_list_to_list");
    expect(shaped.body[0].memberCreator).toBeUndefined();
  });

  it("serves one action by id with its display", async () => {
    const newest = sim.boardActions(boardId)[0]!;
    const res = await request(sim.app).get(`/1/actions/${newest.id}`).query(auth).expect(200);
    expect(res.body).toMatchObject({
      id: newest.id,
      type: newest.type,
      display: { entities: { memberCreator: { id: sim.memberId } } },
    });
  });
});

describe("GET /1/cards/{id}/actions", () => {
  it("defaults to the card's comments and list moves, newest first", async () => {
    const res = await request(sim.app).get(`/1/cards/${cardIds[7]}/actions`).query(auth).expect(200);
    expect(res.body.map((action: { type: string }) => action.type)).toEqual(
      Array(6)
        .fill(0)
        .map((_, i) => (i % 2 === 0 ? "updateCard" : "commentCard")),
    );
    const all = await request(sim.app)
      .get(`/1/cards/${cardIds[7]}/actions`)
      .query({ ...auth, filter: "all" })
      .expect(200);
    expect(all.body.at(-1).type).toBe("createCard");
  });
});

describe("seeding history in-process", () => {
  it("writes thousands of back-dated actions per second without HTTP", () => {
    const fast = createTrelloSimulator();
    const { board, todo, done } = seedBoard(fast, "Speed", "2023-01-01T00:00:00Z");
    const started = performance.now();
    let at = Date.parse("2023-01-02T00:00:00Z");
    for (let i = 0; i < 2000; i++) {
      const card = fast.createCard(todo.id, { name: `Card ${i}`, at: (at += 1000) });
      fast.addComment(card.id, "note", { at: (at += 1000) });
      fast.moveCard(card.id, done.id, { at: (at += 1000) });
    }
    const perSecond = 6000 / ((performance.now() - started) / 1000);
    expect(perSecond).toBeGreaterThan(2000);
    expect(fast.boardActions(board.id)).toHaveLength(6004);
  });
});
