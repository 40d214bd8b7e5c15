import { createTrelloSimulator, type TrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../../scripts/trello-sim/simulator-types";

describe("the simulator's list positions and labels, as Trello answers them", () => {
  let sim: TrelloSimulator;
  let info: SimInfo;
  beforeAll(async () => {
    sim = createTrelloSimulator({ rateLimits: false });
    info = await sim.listen(0);
  });
  afterAll(() => sim.close());

  const call = async (method: string, path: string, params: Record<string, string>) => {
    const res = await fetch(
      `${info.baseUrl}/1/${path}?${new URLSearchParams({ ...params, key: info.key, token: info.token })}`,
      { method },
    );
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };

  it("takes pos top and bottom for new and moved lists, and refuses a word it does not know", async () => {
    const board = String(sim.createBoard({ name: "B", lists: ["Middle"] }).id);
    const bottom = await call("POST", "lists", { name: "Last", idBoard: board, pos: "bottom" });
    const top = await call("POST", "lists", { name: "First", idBoard: board, pos: "top" });
    expect([bottom.status, top.status]).toEqual([200, 200]);
    const names = async () =>
      (await call("GET", `boards/${board}/lists`, {})).body.map((list: { name: string }) => list.name);
    expect(await names()).toEqual(["First", "Middle", "Last"]);
    expect((await call("PUT", `lists/${bottom.body.id}`, { pos: "top" })).status).toBe(200);
    expect(await names()).toEqual(["Last", "First", "Middle"]);
    expect((await call("POST", "lists", { name: "X", idBoard: board, pos: "middle" })).status).toBe(400);
  });

  it("creates labels on a board with POST /1/labels and /1/boards/{id}/labels, recording createLabel", async () => {
    const board = String(sim.createBoard({ name: "L", defaultLabels: false }).id);
    const one = await call("POST", "labels", { name: "Client", color: "blue", idBoard: board });
    const two = await call("POST", `boards/${board}/labels`, { name: "Plain" });
    expect(one.body).toEqual({ id: expect.any(String), idBoard: board, name: "Client", color: "blue" });
    expect(two.body).toMatchObject({ name: "Plain", color: null });
    expect((await call("POST", "labels", { name: "Bad", color: "mauve", idBoard: board })).status).toBe(400);
    expect(sim.boardActions(board).filter((a) => a.type === "createLabel")).toHaveLength(2);
  });
});
