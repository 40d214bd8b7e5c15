import type { AppDeps } from "../../server/app";
import path from "node:path";
import { freePort } from "../../scripts/demo/free-port";
import { createTrelloSimulator, type TrelloSimulator } from "../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../scripts/trello-sim/simulator-types";
import { syncRunnerOf } from "../../server/app";
import { loadConfig, type Config } from "../../server/config/load-config";
import { createLogger, type Logger } from "../../server/log/create-logger";
import { createStore, type Store } from "../../server/store/create-store";
import { startService, type RunningService } from "../../server/start-service";
import { makeTempDir } from "./test-app";

export const TEST_TOKEN_KEY = "5a".repeat(32);

export interface ServiceWithSim {
  sim: TrelloSimulator;
  simInfo: SimInfo;
  service: RunningService;
  config: Config;
  store: Store;
  baseUrl: string;
  dir: string;
  /** Waits until background syncs and webhook deliveries have all finished. */
  settle(): Promise<void>;
  connect(boardId: string, options?: { jwt?: string; token?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** The real service on a real port, wired to the Trello simulator the way it is wired to Trello. */
export async function startServiceWithSim(
  options: {
    databasePath?: string;
    /** The simulator's Power-Up id (random by default). */ pluginId?: string;
    /** The service's logger (silent by default). */ log?: Logger;
    /** More environment (SMTP_URL, say). */ env?: NodeJS.ProcessEnv;
    /** The delivery worker's tuning. */ delivery?: AppDeps["delivery"];
  } = {},
): Promise<ServiceWithSim> {
  const temp = makeTempDir();
  const sim = createTrelloSimulator({ pluginId: options.pluginId, webhooks: { retryDelaysMs: [50, 100, 200] } });
  const simInfo = await sim.listen(0);
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_PATH: options.databasePath ?? path.join(temp.dir, "loop.db"),
    TRELLO_API_KEY: simInfo.key,
    TRELLO_API_SECRET: simInfo.secret,
    TRELLO_POWERUP_ID: sim.pluginId,
    TRELLO_API_BASE: simInfo.baseUrl,
    TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const service = await startService(config, options.log ?? createLogger("silent"), { delivery: options.delivery });
  const baseUrl = `http://127.0.0.1:${service.port}`;
  return {
    sim,
    simInfo,
    service,
    config,
    store: createStore(service.db),
    baseUrl,
    dir: temp.dir,
    async settle() {
      await syncRunnerOf(service.app)?.idle();
      await sim.idle();
      await syncRunnerOf(service.app)?.idle();
    },
    async connect(boardId, connectOptions = {}) {
      const jwt = connectOptions.jwt ?? (await sim.mintJwt({ idBoard: boardId }));
      return fetch(`${baseUrl}/api/boards/${boardId}/connection`, {
        method: "POST",
        headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
        body: JSON.stringify({ token: connectOptions.token ?? simInfo.token }),
      });
    },
    async close() {
      await sim.close();
      await service.close();
      temp.remove();
    },
  };
}
