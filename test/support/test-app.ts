import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Express } from "express";
import request from "supertest";
import { unreachableTrello } from "./unreachable-trello";
import { createApp } from "../../server/app";
import { loadConfig, type Config } from "../../server/config/load-config";
import { createLogger } from "../../server/log/create-logger";
import { createStore, type Store } from "../../server/store/create-store";
import { openDatabase, type Db } from "../../server/store/open-database";
import { trelloSign } from "./sign";

export const TEST_SECRET = "test-app-secret-9f2c";
export const TEST_PUBLIC_URL = "https://loop.example.test";
export const TEST_POWERUP_ID = "5f00000000000000000000aa";

export interface TestApp {
  app: Express;
  db: Db;
  store: Store;
  config: Config;
  dir: string;
  /** POSTs a body to the webhook route, signed for this app's callback URL unless told otherwise. */
  deliver(body: Buffer | string, options?: { signature?: string | null }): request.Test;
  close(): void;
}

/** Makes a temp directory that is removed when the returned function is called. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loop-test-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The app from its factory, in-process, over a fresh SQLite file in a temp directory. */
export function createTestApp(env: NodeJS.ProcessEnv = {}): TestApp {
  const { dir, remove } = makeTempDir();
  const config = loadConfig({
    TRELLO_API_KEY: "test-key",
    TRELLO_API_SECRET: TEST_SECRET,
    TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
    PUBLIC_URL: TEST_PUBLIC_URL,
    TRELLO_POWERUP_ID: TEST_POWERUP_ID,
    DATABASE_PATH: path.join(dir, "loop.db"),
    LOG_LEVEL: "silent",
    ...env,
  });
  const db = openDatabase(config.databasePath);
  const app = createApp({ config, db, log: createLogger(config.logLevel), trello: unreachableTrello() });
  return {
    app,
    db,
    store: createStore(db),
    config,
    dir,
    deliver(body, options = {}) {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
      const signature =
        options.signature === undefined ? trelloSign(bytes, config.webhookCallbackUrl, TEST_SECRET) : options.signature;
      // serialize: send the exact bytes; superagent would otherwise JSON-encode a Buffer.
      const req = request(app)
        .post("/webhooks/trello")
        .set("content-type", "application/json")
        .serialize((raw: unknown) => raw as string);
      if (signature !== null) req.set("x-trello-webhook", signature);
      return req.send(bytes);
    },
    close() {
      if (db.open) db.close();
      remove();
    },
  };
}

/** Everything the store holds, in a stable order: for "nothing changed" and "same state" assertions. */
export function dumpStore(db: Db): Record<string, unknown[]> {
  const tables = ["lists", "cards", "members", "card_members"];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) dump[table] = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
  // first_seen_at is when this database first heard of the board, not board state.
  dump.boards = db.prepare("SELECT id, name, versions FROM boards ORDER BY id").all();
  dump.actions = db
    .prepare("SELECT id, board_id, type, date, card_id, list_after_id, raw FROM actions ORDER BY id")
    .all();
  return dump;
}
