import { loadMonthlyReport } from "../../../server/reports/load-monthly-report";
import { createActionIngester } from "../../../server/sync/create-action-ingester";
import { BoardStory } from "../../support/board-story";
import { createTestApp, dumpStore, type TestApp } from "../../support/test-app";

/** A month of work on one board, touching every kind of state change the service folds in. */
function writeStory(): BoardStory {
  const story = new BoardStory();
  const backlog = story.createList("2026-03-01T09:00:00Z", "Backlog");
  const doing = story.createList("2026-03-01T09:01:00Z", "Doing");
  const done = story.createList("2026-03-01T09:02:00Z", "Done");
  const a = story.createCard("2026-03-02T10:00:00Z", backlog, "Kick-off with client");
  const b = story.createCard("2026-03-02T10:05:00Z", backlog, "Draft SLA");
  const c = story.createCard("2026-03-02T10:10:00Z", backlog, "Scope workshop", "copyCard");
  story.moveCard("2026-03-03T08:00:00Z", a, doing);
  story.comment("2026-03-03T08:30:00Z", a, "Agenda sent — ça marche 👍");
  story.renameCard("2026-03-04T12:00:00Z", b, "Draft SLA v2");
  story.moveCard("2026-03-05T16:00:00Z", a, done);
  story.moveCard("2026-03-06T16:00:00Z", b, doing);
  story.archiveCard("2026-03-07T09:00:00Z", c);
  story.moveCard("2026-03-08T09:00:00Z", b, done);
  story.moveCard("2026-03-09T09:00:00Z", b, doing);
  story.renameList("2026-03-10T09:00:00Z", doing, "In progress");
  story.deleteCard("2026-03-11T09:00:00Z", a);
  story.moveCardAway("2026-03-12T09:00:00Z", b, { id: "5e93ba98614ac22d22f08999" });
  story.comment("2026-03-12T10:00:00Z", c, "Archived: merged into kick-off");
  return story;
}

/** Deterministic shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function ingestAll(t: TestApp, story: BoardStory, actions: any[]): void {
  const ingest = createActionIngester(t.store);
  for (const action of actions)
    ingest(action, JSON.stringify(action), { fallbackBoardId: story.board.id, source: "webhook" });
}

function stateAndReport(t: TestApp, story: BoardStory) {
  return { state: dumpStore(t.db), report: loadMonthlyReport(t.store, { boardId: story.board.id, month: "2026-03" }) };
}

describe("delivery order", () => {
  const apps: TestApp[] = [];
  const fresh = () => {
    const t = createTestApp();
    apps.push(t);
    return t;
  };
  afterEach(() => apps.splice(0).forEach((t) => t.close()));

  it("gives the state the story describes when delivered in order", () => {
    const story = writeStory();
    const t = fresh();
    ingestAll(t, story, story.actions);
    const cards = t.db.prepare("SELECT name, list_id, board_id, closed, deleted FROM cards ORDER BY id").all();
    const [backlog, doing, done] = story.actions.filter((a) => a.type === "createList").map((a) => a.data.list.id);
    expect(cards).toEqual([
      { name: "Kick-off with client", list_id: done, board_id: story.board.id, closed: 0, deleted: 1 },
      { name: "Draft SLA v2", list_id: doing, board_id: "5e93ba98614ac22d22f08999", closed: 0, deleted: 0 },
      { name: "Scope workshop", list_id: backlog, board_id: story.board.id, closed: 1, deleted: 0 },
    ]);
    expect(t.store.lists.namesByBoard(story.board.id)).toEqual(
      new Map([
        [backlog, "Backlog"],
        [doing, "In progress"],
        [done, "Done"],
      ]),
    );
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "converges to the same state and report from shuffled order #%i with duplicates",
    (seed) => {
      const story = writeStory();
      const inOrder = fresh();
      ingestAll(inOrder, story, story.actions);
      const expected = stateAndReport(inOrder, story);

      const scrambled = fresh();
      const withDuplicates = [...story.actions, ...story.actions.filter((_, i) => i % 3 === seed % 3)];
      ingestAll(scrambled, story, shuffled(withDuplicates, seed));
      expect(stateAndReport(scrambled, story)).toEqual(expected);
    },
  );

  it("converges over HTTP when deliveries arrive newest first and twice", async () => {
    const story = writeStory();
    const inOrder = fresh();
    for (const action of story.actions) await inOrder.deliver(story.delivery(action)).expect(200);
    const late = fresh();
    for (const action of [...story.actions].reverse()) await late.deliver(story.delivery(action)).expect(200);
    for (const action of story.actions) await late.deliver(story.delivery(action)).expect(200);
    expect(stateAndReport(late, story)).toEqual(stateAndReport(inOrder, story));
    expect(late.store.actions.count()).toBe(story.actions.length);
  });
});
