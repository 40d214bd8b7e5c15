import { createTrelloSimulator, type TrelloSimulator } from "../../../../scripts/trello-sim/create-trello-simulator";
import type { TrelloSimulatorOptions } from "../../../../scripts/trello-sim/simulator-types";

export interface TestSim {
  sim: TrelloSimulator;
  baseUrl: string;
  /** Calls the simulator's REST API over real HTTP with the default key and token. */
  api(path: string, init?: { method?: string; body?: unknown; token?: string; key?: string }): Promise<Response>;
}

/** A simulator listening on a free loopback port, with fast webhook retries unless the test says otherwise. */
export async function startTestSim(options: TrelloSimulatorOptions = {}): Promise<TestSim> {
  const sim = createTrelloSimulator({
    ...options,
    webhooks: { retryDelaysMs: [10, 20, 40], timeoutMs: 2000, ...options.webhooks },
  });
  const { baseUrl } = await sim.listen(0);
  return {
    sim,
    baseUrl,
    api(path, init = {}) {
      const url = new URL(`/1${path}`, baseUrl);
      url.searchParams.set("key", init.key ?? sim.key);
      url.searchParams.set("token", init.token ?? sim.token);
      return fetch(url, {
        method: init.method ?? "GET",
        headers: init.body === undefined ? undefined : { "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
  };
}

/** A board with To Do / Doing / Done lists, made through the in-process API. */
export function seedBoard(sim: TrelloSimulator, name = "Client delivery", at?: string) {
  const board = sim.createBoard({ name, lists: ["To Do", "Doing", "Done"], at });
  const [todo, doing, done] = board.lists as { id: string; name: string }[];
  return { board, todo: todo!, doing: doing!, done: done! };
}
