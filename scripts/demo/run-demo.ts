import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_PATH, WEBHOOK_PATH, type Config } from "../../server/config/load-config";
import type { Logger } from "../../server/log/create-logger";
import { projectRoot } from "../../server/powerup/project-root";
import { syncRunnerOf } from "../../server/app";
import { startService, type RunningService } from "../../server/start-service";
import { createDevHostRouter, DEV_HOST_CLIENT_SCRIPT } from "../dev-host/create-dev-host-router";
import { createTrelloSimulator } from "../trello-sim/create-trello-simulator";
import { freePort } from "./free-port";
import { liveDemoActivity, seedDemoBoard } from "./seed-demo-board";
import { seedDemoLoopData } from "./seed-demo-loop-data";

const DEMO_DATABASE_PATH = "./data/demo.db";

/** The default database is for real boards; the demo starts from an empty file of its own every time. */
function demoDatabasePath(config: Config): string {
  if (config.databasePath !== DEFAULT_DATABASE_PATH) return config.databasePath;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DEMO_DATABASE_PATH}${suffix}`, { force: true });
  return DEMO_DATABASE_PATH;
}

/**
 * `npm start` without Trello credentials: the Trello simulator, a seeded board, and the service wired to it
 * the way it is wired to Trello — connected through the real connect flow, then fed by signed webhooks.
 */
export async function runDemo(config: Config, log: Logger): Promise<RunningService> {
  const sim = createTrelloSimulator({ pluginId: config.powerUpId, webhooks: { retryDelaysMs: [1_000, 5_000, 15_000] } });
  const simInfo = await sim.listen(0);
  const port = config.port === 0 ? await freePort() : config.port;
  const publicUrl = config.publicUrl.endsWith(":0") ? `http://localhost:${port}` : config.publicUrl;
  const demoConfig: Config = {
    ...config,
    port,
    publicUrl,
    webhookCallbackUrl: `${publicUrl}${WEBHOOK_PATH}`,
    databasePath: demoDatabasePath(config),
    trello: { apiKey: simInfo.key, apiSecret: simInfo.secret },
    trelloApiBase: simInfo.baseUrl,
    tokenEncryptionKey: config.tokenEncryptionKey ?? randomBytes(32),
    // The simulator is the demo's Trello: its member tokens and pluginData carry its Power-Up id, checked as in production.
    powerUpId: sim.pluginId,
  };
  const now = Date.now();
  const board = seedDemoBoard(sim, now);
  seedDemoLoopData(sim, board, now);
  const devHost = createDevHostRouter({
    dir: path.join(projectRoot(), "dist", "dev-host"),
    session: { simBaseUrl: simInfo.baseUrl, key: simInfo.key, token: simInfo.token, memberId: simInfo.memberId, pluginId: sim.pluginId, boardId: board.boardId },
  });
  const service = await startService(demoConfig, log, { devHost, powerUp: { trelloClientScript: DEV_HOST_CLIENT_SCRIPT } });
  const serviceUrl = `http://127.0.0.1:${service.port}`;

  const jwt = await sim.mintJwt({ idBoard: board.boardId });
  const connected = await fetch(`${serviceUrl}/api/boards/${board.boardId}/connection`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
    body: JSON.stringify({ token: simInfo.token }),
  });
  if (connected.status !== 202) throw new Error(`the demo board did not connect: ${connected.status} ${await connected.text()}`);
  await syncRunnerOf(service.app)?.idle();
  liveDemoActivity(sim, board);
  await sim.idle();

  const month = new Date().toISOString().slice(0, 7);
  log.info({ boardId: board.boardId, serviceUrl, trelloSimulator: simInfo.baseUrl, databasePath: demoConfig.databasePath }, "demo ready");
  process.stdout.write(
    [
      "",
      "Stakeholder Loop demo is running.",
      `  Service:          ${serviceUrl}  (health: ${serviceUrl}/healthz)`,
      `  Trello simulator: ${simInfo.baseUrl}/1/boards/${board.boardId}?key=${simInfo.key}&token=…`,
      `  Demo board:       ${board.boardId} "ACME Client Portal — Delivery"`,
      `  Dev host (Trello stand-in): ${serviceUrl}/dev-host/?board=${board.boardId}`,
      `  Monthly report:   DATABASE_PATH=${demoConfig.databasePath} npm run --silent report -- --board ${board.boardId} --month ${month} --format json`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
  return {
    ...service,
    async close() {
      await sim.close();
      await service.close();
    },
  };
}
