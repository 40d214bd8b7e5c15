import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_PATH, WEBHOOK_PATH, type Config } from "../../server/config/load-config";
import type { Logger } from "../../server/log/create-logger";
import { projectRoot } from "../../server/powerup/project-root";
import { syncRunnerOf } from "../../server/app";
import { createTokenCipher } from "../../server/auth/token-cipher";
import { createStore } from "../../server/store/create-store";
import { createOutbox, type Outbox } from "../outbox/create-outbox";
import { createOutboxRouter, OUTBOX_PATH } from "../outbox/create-outbox-router";
import { startChatCatcher } from "../outbox/start-chat-catcher";
import { startMailCatcher } from "../outbox/start-mail-catcher";
import { startService, type RunningService } from "../../server/start-service";
import { Router } from "express";
import { createDevHostRouter, DEV_HOST_CLIENT_SCRIPT } from "../dev-host/create-dev-host-router";
import { createTrelloSimulator, type TrelloSimulator } from "../trello-sim/create-trello-simulator";
import { freePort } from "./free-port";
import { liveDemoActivity, seedDemoBoard, type DemoBoard } from "./seed-demo-board";
import { seedDemoLoopData, type DemoLoopData } from "./seed-demo-loop-data";

const DEMO_DATABASE_PATH = "./data/demo.db";

/** The default database is for real boards; the demo starts from an empty file of its own every time. */
function demoDatabasePath(config: Config): string {
  if (config.databasePath !== DEFAULT_DATABASE_PATH) return config.databasePath;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DEMO_DATABASE_PATH}${suffix}`, { force: true });
  return DEMO_DATABASE_PATH;
}

export interface DemoOptions {
  /** Where the logs go, when not to the terminal: the banner says so. */
  logFile?: string;
  /** Writes the banner (the terminal by default). */
  write?: (text: string) => void;
}

/** The running demo, with what was seeded (tests read the story the reports must tell). */
export interface RunningDemo extends RunningService {
  sim: TrelloSimulator;
  board: DemoBoard;
  loop: DemoLoopData;
  serviceUrl: string;
  /** When the demo was seeded (ms since the epoch). */
  seededAt: number;
  /** Every message the demo's mail server and chat webhooks received (the dev host's Outbox page). */
  outbox: Outbox;
}

/** The start banner: what to open, one URL per line (a terminal makes each clickable), and never a token. */
function banner(lines: {
  serviceUrl: string;
  boardId: string;
  second: { id: string; fullName: string };
  simBaseUrl: string;
  databasePath: string;
  logFile?: string;
}): string {
  const { serviceUrl, boardId, second } = lines;
  const month = new Date().toISOString().slice(0, 7);
  return [
    "",
    'Stakeholder Loop demo is running: the board "ACME Client Portal — Delivery", about four months of delivery.',
    "",
    "  Open the board (in the dev host, which stands in for Trello):",
    `    ${serviceUrl}/dev-host/?board=${boardId}`,
    `  The same board as a second member (${second.fullName}, who has not authorized yet):`,
    `    ${serviceUrl}/dev-host/?board=${boardId}&member=${second.id}`,
    "  Outbox: every email and chat message the demo sent, as its recipient sees it (no configuration needed):",
    `    ${serviceUrl}${OUTBOX_PATH}`,
    "  Service health:",
    `    ${serviceUrl}/healthz`,
    "  Trello simulator (REST under /1/; its key and the member's token are in /dev-host/session.json):",
    `    ${lines.simBaseUrl}/1/`,
    "",
    "  This month's report from the command line:",
    `    DATABASE_PATH=${lines.databasePath} npm run --silent report -- --board ${boardId} --month ${month} --format md`,
    lines.logFile
      ? `  Logs: ${lines.logFile}  (LOG_LEVEL=info npm start shows them here instead)`
      : "  Logs: on this terminal (LOG_LEVEL is set)",
    "",
    "Press Ctrl+C to stop.",
    "",
  ].join("\n");
}

/**
 * `npm start` without Trello credentials: the Trello simulator, a seeded board, and the service wired to it
 * the way it is wired to Trello — connected through the real connect flow, then fed by signed webhooks.
 */
export async function runDemo(config: Config, log: Logger, options: DemoOptions = {}): Promise<RunningDemo> {
  const sim = createTrelloSimulator({
    member: { username: "alexmorgan", fullName: "Alex Morgan" },
    pluginId: config.powerUpId,
    webhooks: { retryDelaysMs: [1_000, 5_000, 15_000] },
  });
  const simInfo = await sim.listen(0);
  const port = config.port === 0 ? await freePort() : config.port;
  // Mail and chat go to catchers on this machine, so sending works with no configuration and reaches nobody.
  const outbox = createOutbox();
  const mail = await startMailCatcher(outbox);
  const chat = await startChatCatcher(outbox);
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
    smtp: config.smtp ?? { url: mail.url, from: "Stakeholder Loop demo <loop@localhost>" },
  };
  const now = Date.now();
  const second = sim.createMember({ username: "samokafor", fullName: "Sam Okafor" });
  const board = seedDemoBoard(sim, now, { pm: simInfo.memberId, second: second.id });
  const loop = seedDemoLoopData(sim, board, now);
  const devHost = Router();
  devHost.use(createOutboxRouter(outbox));
  devHost.use(
    createDevHostRouter({
      dir: path.join(projectRoot(), "dist", "dev-host"),
      session: {
        simBaseUrl: simInfo.baseUrl,
        key: simInfo.key,
        token: simInfo.token,
        memberId: simInfo.memberId,
        pluginId: sim.pluginId,
        boardId: board.boardId,
        otherMembers: [{ id: second.id, token: second.token }],
        outboxUrl: OUTBOX_PATH,
      },
    }),
  );
  const service = await startService(demoConfig, log, {
    devHost,
    powerUp: { trelloClientScript: DEV_HOST_CLIENT_SCRIPT },
  });
  const serviceUrl = `http://127.0.0.1:${service.port}`;

  const jwt = await sim.mintJwt({ idBoard: board.boardId });
  const connected = await fetch(`${serviceUrl}/api/boards/${board.boardId}/connection`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
    body: JSON.stringify({ token: simInfo.token }),
  });
  if (connected.status !== 202)
    throw new Error(`the demo board did not connect: ${connected.status} ${await connected.text()}`);
  await syncRunnerOf(service.app)?.idle();
  // Dana takes her updates on Teams: her channel's webhook is the local catcher (a secret, sealed like tokens).
  const cipher = createTokenCipher(demoConfig.tokenEncryptionKey!);
  createStore(service.db).chatWebhooks.save(
    board.boardId,
    loop.stakeholders.dana,
    cipher.encrypt(chat.urlFor("teams", "acme-dana-ruiz")),
    simInfo.memberId,
    new Date(),
  );
  liveDemoActivity(sim, board);
  await sim.idle();

  log.info(
    { boardId: board.boardId, serviceUrl, trelloSimulator: simInfo.baseUrl, databasePath: demoConfig.databasePath },
    "demo ready",
  );
  (options.write ?? ((text: string) => process.stdout.write(text)))(
    banner({
      serviceUrl,
      boardId: board.boardId,
      second,
      simBaseUrl: simInfo.baseUrl,
      databasePath: demoConfig.databasePath,
      logFile: options.logFile,
    }),
  );
  return {
    ...service,
    sim,
    board,
    loop,
    serviceUrl,
    seededAt: now,
    outbox,
    async close() {
      await sim.close();
      await service.close();
      await mail.close();
      await chat.close();
    },
  };
}
