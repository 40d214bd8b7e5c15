import path from "node:path";
import Database from "better-sqlite3";
import { boardStateAt } from "../../../server/history/board-state-at";
import { emptyBoardState, serializeBoardState } from "../../../server/history/board-state";
import { buildBoardCheckpoints } from "../../../server/history/build-board-checkpoints";
import { createStore } from "../../../server/store/create-store";
import { LoopBoard } from "../reports/model/loop-board";

let b: LoopBoard;
beforeEach(() => {
  b = new LoopBoard();
});
afterEach(() => b.close());

const at = (iso: string) => Date.parse(iso);

/** Three months of a card moving about, one move a month. */
function threeMonths() {
  const s = b.story;
  const todo = s.createList("2026-01-05T09:00:00Z", "To do");
  const doing = s.createList("2026-01-05T09:00:00Z", "Doing");
  const done = s.createList("2026-01-05T09:00:00Z", "Done");
  const card = s.createCard("2026-01-10T09:00:00Z", todo, "Login page");
  s.moveCard("2026-02-10T09:00:00Z", card, doing);
  s.moveCard("2026-03-10T09:00:00Z", card, done);
  b.ingest();
  return { todo, doing, done, card };
}

describe("boardStateAt", () => {
  it("keeps a checkpoint at every month start it passes and at the instant asked", () => {
    threeMonths();
    boardStateAt(b.store, b.boardId, at("2026-03-15T00:00:00Z"));
    expect(b.store.checkpoints.instants(b.boardId)).toEqual([
      at("2026-02-01T00:00:00Z"),
      at("2026-03-01T00:00:00Z"),
      at("2026-03-15T00:00:00Z"),
    ]);
  });

  it("reads only the actions between the nearest checkpoint and the instant", async () => {
    threeMonths();
    await buildBoardCheckpoints(b.store, b.boardId, { now: new Date("2026-04-15T00:00:00Z") });
    const reads: [number, number][] = [];
    const listForReplay = b.store.actions.listForReplay;
    b.store.actions.listForReplay = (boardId, fromMs, toMs) => {
      reads.push([fromMs, toMs]);
      return listForReplay(boardId, fromMs, toMs);
    };
    boardStateAt(b.store, b.boardId, at("2026-03-20T00:00:00Z"));
    expect(reads).toEqual([[at("2026-03-01T00:00:00Z"), at("2026-03-20T00:00:00Z")]]);
  });

  it("drops the checkpoints a late action changes, and the next read rebuilds them with it", async () => {
    const { card, todo, done } = threeMonths();
    await buildBoardCheckpoints(b.store, b.boardId, { now: new Date("2026-04-15T00:00:00Z") });
    expect(b.store.checkpoints.instants(b.boardId)).toEqual([
      at("2026-02-01T00:00:00Z"),
      at("2026-03-01T00:00:00Z"),
      at("2026-04-01T00:00:00Z"),
    ]);

    // Delivered late: a card created on 20 February and moved straight to done.
    const late = b.story.createCard("2026-02-20T09:00:00Z", todo, "Hotfix");
    b.story.moveCard("2026-02-20T10:00:00Z", late, done);
    b.ingest();
    expect(b.store.checkpoints.instants(b.boardId)).toEqual([at("2026-02-01T00:00:00Z")]);

    const march = boardStateAt(b.store, b.boardId, at("2026-03-01T00:00:00Z"));
    expect(march.cards.get(late.id)).toMatchObject({ listId: done.id, name: "Hotfix" });
    expect(march.cards.get(card.id)?.listId).not.toBe(done.id);
    expect(b.store.checkpoints.instants(b.boardId)).toContain(at("2026-03-01T00:00:00Z"));
    await buildBoardCheckpoints(b.store, b.boardId, { now: new Date("2026-04-15T00:00:00Z") });
    const rebuilt = b.store.checkpoints.latestAtOrBefore(b.boardId, at("2026-04-01T00:00:00Z"))!;
    expect(JSON.parse(rebuilt.state).cards.map(([id]: [string]) => id)).toEqual([card.id, late.id]);
  });

  it("gives the same state from a fresh replay, from checkpoints, and after a rebuild", async () => {
    threeMonths();
    const fresh = boardStateAt(b.store, b.boardId, at("2026-03-20T00:00:00Z"), { persist: false });
    await buildBoardCheckpoints(b.store, b.boardId, { now: new Date("2026-04-15T00:00:00Z") });
    expect(boardStateAt(b.store, b.boardId, at("2026-03-20T00:00:00Z"))).toEqual(fresh);
    await buildBoardCheckpoints(b.store, b.boardId, { rebuild: true, now: new Date("2026-04-15T00:00:00Z") });
    expect(boardStateAt(b.store, b.boardId, at("2026-03-20T00:00:00Z"))).toEqual(fresh);
  });

  it("When checkpoints are built month after month, then each month goes on from the one before in memory and equals a fresh replay", async () => {
    threeMonths();
    const months = ["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"].map(at);
    const fresh = months.map((atMs) => serializeBoardState(boardStateAt(b.store, b.boardId, atMs, { persist: false })));
    const latest = b.store.checkpoints.latestAtOrBefore;
    let reads = 0;
    b.store.checkpoints.latestAtOrBefore = (boardId, atMs) => {
      reads += 1;
      return latest(boardId, atMs);
    };
    await buildBoardCheckpoints(b.store, b.boardId, { now: new Date("2026-04-15T00:00:00Z") });
    // Only the first month looked for a checkpoint to start from.
    expect(reads).toBe(1);
    expect(months.map((atMs) => b.store.checkpoints.latestAtOrBefore(b.boardId, atMs)!.state)).toEqual(fresh);
  });

  it("When a state carried in memory is older than the newest stored action, then it is not used", async () => {
    const { card, done } = threeMonths();
    await buildBoardCheckpoints(b.store, b.boardId, { now: new Date("2026-04-15T00:00:00Z") });
    const stale = { state: emptyBoardState(at("2026-03-01T00:00:00Z")), lastRowid: b.store.actions.lastRowid() - 1 };
    const state = boardStateAt(b.store, b.boardId, at("2026-03-20T00:00:00Z"), { from: stale });
    expect(state.cards.get(card.id)?.listId).toBe(done.id);
  });

  it("computes the state in memory on a database opened read-only", () => {
    const { card, done } = threeMonths();
    const file = b.store.db.name;
    const readOnly = new Database(path.resolve(file), { readonly: true });
    try {
      const state = boardStateAt(createStore(readOnly), b.boardId, at("2026-04-01T00:00:00Z"));
      expect(state.cards.get(card.id)?.listId).toBe(done.id);
      expect(b.store.checkpoints.instants(b.boardId)).toEqual([]);
    } finally {
      readOnly.close();
    }
  });
});
