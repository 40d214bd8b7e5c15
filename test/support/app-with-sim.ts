import path from "node:path";
import type { Express } from "express";
import { createTrelloSimulator, type TrelloSimulator } from "../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../scripts/trello-sim/simulator-types";
import { createApp, syncRunnerOf, type AppDeps } from "../../server/app";
import { loadConfig, type Config } from "../../server/config/load-config";
import { createLogger, type Logger } from "../../server/log/create-logger";
import { createStore, type Store } from "../../server/store/create-store";
import { openDatabase, type Db } from "../../server/store/open-database";
import { createTrelloClient } from "../../server/trello/create-trello-client";
import { TEST_TOKEN_KEY } from "./service-with-sim";
import { makeTempDir, TEST_PUBLIC_URL } from "./test-app";

export interface AppWithSim {
  app: Express;
  sim: TrelloSimulator;
  simInfo: SimInfo;
  config: Config;
  db: Db;
  store: Store;
  dir: string;
  /** Waits for the app's background syncs. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app from its factory, in-process (for supertest), against the Trello simulator: real JWT keys, real REST
 * calls, production configuration (credentials, Power-Up id, https PUBLIC_URL). Options reach createApp as given.
 */
export async function createAppWithSim(
  options: { limits?: AppDeps["limits"]; log?: Logger; env?: NodeJS.ProcessEnv } = {},
): Promise<AppWithSim> {
  const temp = makeTempDir();
  const sim = createTrelloSimulator({ rateLimits: false, webhooks: { retryDelaysMs: [50] } });
  const simInfo = await sim.listen(0);
  const config = loadConfig({
    PUBLIC_URL: TEST_PUBLIC_URL,
    DATABASE_PATH: path.join(temp.dir, "loop.db"),
    TRELLO_API_KEY: simInfo.key,
    TRELLO_API_SECRET: simInfo.secret,
    TRELLO_API_BASE: simInfo.baseUrl,
    TRELLO_POWERUP_ID: sim.pluginId,
    TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const db = openDatabase(config.databasePath);
  const trello = createTrelloClient({ apiBase: config.trelloApiBase, apiKey: simInfo.key, pluginId: config.powerUpId });
  const app = createApp({ config, db, log: options.log ?? createLogger("silent"), trello, limits: options.limits });
  return {
    app,
    sim,
    simInfo,
    config,
    db,
    store: createStore(db),
    dir: temp.dir,
    idle: async () => {
      await syncRunnerOf(app)?.idle();
    },
    async close() {
      await syncRunnerOf(app)?.stop();
      await sim.close();
      db.close();
      temp.remove();
    },
  };
}
