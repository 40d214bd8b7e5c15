import path from "node:path";
import { createStore } from "../../../server/store/create-store";
import { openDatabase } from "../../../server/store/open-database";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";
import { makeTempDir } from "../../support/test-app";

const FOREIGN = "5f00000000000000000000ff";
const stakeholder = (name: string) => ({
  v: 1,
  name,
  type: "client",
  influence: "high",
  interest: "medium",
  channel: "email",
  cadenceDays: 7,
  buyIn: "supporter",
  status: "active",
  initiation: { platform: true, roles: false, reviews: true, scope: false },
});
const settings = (timezone: string) => ({
  v: 1,
  timezone,
  doneLists: [],
  sprintDays: 14,
  reportAudience: "client",
  reportOnMonthClose: true,
});

describe("another Power-Up's pluginData on the same board", () => {
  let h: ServiceWithSim;
  afterEach(async () => {
    await h?.close();
  });

  it("When another Power-Up keeps `stakeholder` and `settings` keys, then backfill and refresh store none of it and nothing reads it", async () => {
    h = await startServiceWithSim();
    const board = h.sim.createBoard({ name: "Shared board", lists: ["Stakeholders"], at: "2026-03-01T09:00:00Z" });
    const boardId = String(board.id);
    const list = (board.lists as { id: string }[])[0]!.id;
    const ours = String(h.sim.createCard(list, { name: "Dana" }).id);
    const theirs = String(h.sim.createCard(list, { name: "Their card" }).id);
    h.sim.setPluginData({ scope: "card", idModel: ours }, { stakeholder: stakeholder("Dana Ruiz") });
    h.sim.setPluginData(
      { scope: "card", idModel: theirs, idPlugin: FOREIGN },
      { stakeholder: stakeholder("Impostor") },
    );
    h.sim.setPluginData(
      { scope: "board", idModel: boardId, idPlugin: FOREIGN },
      { settings: settings("Pacific/Chatham") },
    );
    expect((await h.connect(boardId)).status).toBe(202);
    await h.settle();

    const jwt = await h.sim.mintJwt({ idBoard: boardId });
    const refresh = (body: unknown) =>
      fetch(`${h.baseUrl}/api/boards/${boardId}/plugin-data/refresh`, {
        method: "POST",
        headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await refresh({ idCard: theirs })).status).toBe(200);
    expect((await refresh({})).status).toBe(200);

    const plugins = h.service.db.prepare("SELECT DISTINCT id_plugin FROM plugin_data").pluck().all();
    expect(plugins).toEqual([h.sim.pluginId]);
    expect(h.store.boardSettings.get(boardId)?.timezone ?? null).toBeNull();
    const registry: any = await (
      await fetch(`${h.baseUrl}/api/boards/${boardId}/stakeholders`, { headers: { authorization: `Bearer ${jwt}` } })
    ).json();
    expect(registry.timeZone).toBe("UTC");
    expect(registry.stakeholders.map((s: { cardName: string }) => s.cardName)).toEqual(["Dana"]);
  });

  it("When the database holds another Power-Up's records from before TRELLO_POWERUP_ID was set, then start-up removes them", async () => {
    const temp = makeTempDir();
    const databasePath = path.join(temp.dir, "loop.db");
    const db = openDatabase(databasePath);
    const record = (id: string, idPlugin: string) => ({
      id,
      idPlugin,
      scope: "card",
      idModel: "c1",
      access: "shared",
      value: "{}",
    });
    createStore(db).pluginData.replaceBoard(
      "b1",
      [record("p1", FOREIGN), record("p2", "5f00000000000000000000aa")],
      "2026-03-01T00:00:00Z",
    );
    db.close();
    h = await startServiceWithSim({ databasePath, pluginId: "5f00000000000000000000aa" });
    expect(h.service.db.prepare("SELECT id FROM plugin_data").pluck().all()).toEqual(["p2"]);
    temp.remove();
  });
});
