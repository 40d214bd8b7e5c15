import path from "node:path";
import { createDevHostRouter, DEV_HOST_CLIENT_SCRIPT } from "../../scripts/dev-host/create-dev-host-router";
import { freePort } from "../../scripts/demo/free-port";
import { createTrelloSimulator, type TrelloSimulator } from "../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../scripts/trello-sim/simulator-types";
import { syncRunnerOf } from "../../server/app";
import { loadConfig } from "../../server/config/load-config";
import { createLogger } from "../../server/log/create-logger";
import { projectRoot } from "../../server/powerup/project-root";
import { startService } from "../../server/start-service";
import { createStore, type Store } from "../../server/store/create-store";
import { TEST_TOKEN_KEY } from "./service-with-sim";
import { makeTempDir } from "./test-app";

export interface DevHostStack {
  /** The dev host page showing the seeded board, as the member who connected it. */
  devHostUrl: string;
  /** Another member of the board, who did not connect it and has not authorized the Power-Up yet. */
  secondMember: { id: string; fullName: string; devHostUrl: string };
  /** The service (serves /powerup/, /api/ and /dev-host/). */
  baseUrl: string;
  boardId: string;
  lists: { todo: string; doing: string; done: string };
  /** The seeded cards by name. */
  cards: Record<"kickoff" | "sla" | "mobileApp", string>;
  sim: TrelloSimulator;
  simInfo: SimInfo;
  store: Store;
  /** Waits until background syncs and webhook deliveries have all finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface DevHostStackOptions {
  /** Built pages to serve at /powerup/ (default dist/powerup/: `npm run build` first; Jest's globalSetup does). */
  powerUpDir?: string;
}

/**
 * The simulator, the real service on a real port with the dev host mounted, and a small board connected
 * through the real connect flow (member JWT, REST token, webhook, backfill): what a browser test drives.
 */
export async function startDevHostStack(options: DevHostStackOptions = {}): Promise<DevHostStack> {
  const temp = makeTempDir();
  const sim = createTrelloSimulator({ rateLimits: false, webhooks: { retryDelaysMs: [50, 100, 200] } });
  const simInfo = await sim.listen(0);
  const board = sim.createBoard({ name: "ACME rollout", lists: ["To Do", "Doing", "Done"] });
  const [todo, doing, done] = board.lists.map((list) => String(list.id)) as [string, string, string];
  const card = (idList: string, name: string) => String(sim.createCard(idList, { name }).id);
  const cards = {
    kickoff: card(todo, "Kick-off workshop"),
    sla: card(doing, "SLA draft"),
    mobileApp: card(todo, "Native mobile app"),
  };
  const boardId = String(board.id);
  const second = sim.createMember({ username: "samokafor", fullName: "Sam Okafor" });
  sim.addMemberToBoard(boardId, second.id);

  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_PATH: path.join(temp.dir, "loop.db"),
    TRELLO_API_KEY: simInfo.key,
    TRELLO_API_SECRET: simInfo.secret,
    TRELLO_POWERUP_ID: sim.pluginId,
    TRELLO_API_BASE: simInfo.baseUrl,
    TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    LOG_LEVEL: "silent",
  });
  const devHost = createDevHostRouter({
    dir: path.join(projectRoot(), "dist", "dev-host"),
    session: {
      simBaseUrl: simInfo.baseUrl,
      key: simInfo.key,
      token: simInfo.token,
      memberId: simInfo.memberId,
      pluginId: sim.pluginId,
      boardId,
      otherMembers: [{ id: second.id, token: second.token }],
    },
  });
  const service = await startService(config, createLogger("silent"), {
    devHost,
    powerUp: { dir: options.powerUpDir, trelloClientScript: DEV_HOST_CLIENT_SCRIPT },
  });
  const baseUrl = `http://127.0.0.1:${service.port}`;
  const settle = async () => {
    await syncRunnerOf(service.app)?.idle();
    await sim.idle();
    await syncRunnerOf(service.app)?.idle();
  };

  const connected = await fetch(`${baseUrl}/api/boards/${boardId}/connection`, {
    method: "POST",
    headers: { authorization: `Bearer ${await sim.mintJwt({ idBoard: boardId })}`, "content-type": "application/json" },
    body: JSON.stringify({ token: simInfo.token }),
  });
  if (connected.status !== 202)
    throw new Error(`the test board did not connect: ${connected.status} ${await connected.text()}`);
  await settle();

  return {
    devHostUrl: `${baseUrl}/dev-host/?board=${boardId}`,
    secondMember: {
      id: second.id,
      fullName: second.fullName,
      devHostUrl: `${baseUrl}/dev-host/?board=${boardId}&member=${second.id}`,
    },
    baseUrl,
    boardId,
    lists: { todo, doing, done },
    cards,
    sim,
    simInfo,
    store: createStore(service.db),
    settle,
    async close() {
      await sim.close();
      await service.close();
      temp.remove();
    },
  };
}
