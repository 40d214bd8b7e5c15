import { seedDemoBoard } from "../../../scripts/demo/seed-demo-board";
import { seedDemoLoopData } from "../../../scripts/demo/seed-demo-loop-data";
import { createTrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import { LOOP_RECORDS, type LoopKey } from "../../../shared/loop/loop-records";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";

describe("seedDemoLoopData", () => {
  it("gives the demo board stakeholders, roles, scope, sprints, milestones, agreements and an invoice the pages can read", () => {
    const sim = createTrelloSimulator({ rateLimits: false });
    const now = Date.parse("2026-03-20T12:00:00Z");
    const board = seedDemoBoard(sim, now);
    const loop = seedDemoLoopData(sim, board, now);

    const cardIds = [...board.cardIds, ...Object.values(loop.stakeholders)];
    const found = new Map<LoopKey, number>();
    for (const idModel of cardIds) {
      const data = sim.getPluginData({ scope: "card", idModel });
      for (const [key, value] of Object.entries(data)) {
        expect(LOOP_RECORDS[key as LoopKey].scope).toBe("card");
        expect(readLoopRecord(key as LoopKey, value).status).toBe("ok");
        found.set(key as LoopKey, (found.get(key as LoopKey) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(found)).toEqual({ stakeholder: 3, log: 3, roles: 2, scope: 3, milestone: 2, invoice: 1, sprint: 2, review: 1 });

    const boardData = sim.getPluginData({ scope: "board", idModel: board.boardId });
    expect(readLoopRecord("settings", boardData.settings)).toMatchObject({ status: "ok", value: { timezone: "Europe/Berlin" } });
    expect(readLoopRecord("documents", boardData.documents)).toMatchObject({ status: "ok" });
    const northwind = sim.getPluginData({ scope: "card", idModel: loop.stakeholders.northwind });
    expect(northwind.stakeholder).toMatchObject({ type: "partner", status: "difficult" });
  });
});
