import { Buffer } from "node:buffer";
import { createTokenCipher } from "../../../server/auth/token-cipher";
import { createLogger } from "../../../server/log/create-logger";
import { createBoardSyncRunner } from "../../../server/sync/create-board-sync-runner";
import { createTrelloClient } from "../../../server/trello/create-trello-client";
import { startServiceWithSim, TEST_TOKEN_KEY, type ServiceWithSim } from "../../support/service-with-sim";

describe("createBoardSyncRunner", () => {
  let h: ServiceWithSim;
  beforeEach(async () => {
    h = await startServiceWithSim();
  });
  afterEach(async () => {
    await h.close();
  });

  it("reconciles connected boards on its schedule, repairing deliveries that never arrived", async () => {
    const board = h.sim.createBoard({ name: "Scheduled", lists: ["To Do"] });
    const todo = (board.lists as { id: string }[])[0]!.id;
    expect((await h.connect(board.id as string)).status).toBe(202);
    await h.settle();
    h.sim.pauseDeliveries();
    const missed = h.sim.createCard(todo, { name: "Never delivered" });
    expect(h.store.cards.get(missed.id as string)).toBeUndefined();

    const runner = createBoardSyncRunner({
      client: createTrelloClient({ apiBase: h.simInfo.baseUrl, apiKey: h.simInfo.key }),
      store: h.store,
      cipher: createTokenCipher(Buffer.from(TEST_TOKEN_KEY, "hex")),
      log: createLogger("silent"),
    });
    runner.startSchedule(50);
    try {
      const repaired = () =>
        h.store.cards.get(missed.id as string) && h.store.connections.get(board.id as string)?.status === "ready";
      for (let waited = 0; !repaired() && waited < 5_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      runner.stop();
      await runner.idle();
    }
    expect(h.store.cards.get(missed.id as string)?.fields.name).toBe("Never delivered");
    expect(h.store.connections.get(board.id as string)?.status).toBe("ready");
  });

  it("runs one sync at a time per board and marks a failure on the connection", async () => {
    const board = h.sim.createBoard({ name: "Flaky", lists: ["To Do"] });
    await h.connect(board.id as string);
    await h.settle();
    const client = createTrelloClient({ apiBase: h.simInfo.baseUrl, apiKey: h.simInfo.key, maxAttempts: 1 });
    let concurrent = 0;
    let most = 0;
    const counting = {
      ...client,
      getActionsPage: async (...args: Parameters<typeof client.getActionsPage>) => {
        most = Math.max(most, ++concurrent);
        try {
          return await client.getActionsPage(...args);
        } finally {
          concurrent -= 1;
        }
      },
    };
    const runner = createBoardSyncRunner({
      client: counting,
      store: h.store,
      cipher: createTokenCipher(Buffer.from(TEST_TOKEN_KEY, "hex")),
      log: createLogger("silent"),
    });
    await Promise.all([
      runner.sync(board.id as string),
      runner.sync(board.id as string),
      runner.sync(board.id as string),
    ]);
    expect(most).toBe(1);

    h.sim.setFaults({ nextErrors: 5 });
    await runner.sync(board.id as string);
    expect(h.store.connections.get(board.id as string)).toMatchObject({
      status: "error",
      lastError: expect.stringContaining("500"),
    });
  });
});
