import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { BoardStory } from "../support/board-story";
import { trelloSign } from "../support/sign";
import { makeTempDir } from "../support/test-app";

const ROOT = path.resolve(__dirname, "../..");

/** Waits for a JSON log line whose msg is `message` and returns it. */
async function logLine(child: ChildProcess, message: string): Promise<Record<string, any>> {
  let buffered = "";
  for await (const chunk of child.stdout!) {
    buffered += chunk.toString();
    for (const line of buffered.split("\n")) {
      if (line.startsWith("{") && line.includes(`"msg":"${message}"`)) return JSON.parse(line);
    }
  }
  throw new Error(`exited before logging "${message}": ${buffered}`);
}

describe("npm start", () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it("without Trello credentials runs the demo: simulator, seeded board, connected and fed by webhooks", async () => {
    const databasePath = path.join(temp.dir, "demo.db");
    const child = spawn("node", ["dist/scripts/start.js"], {
      cwd: ROOT,
      env: {
        ...process.env,
        TRELLO_API_KEY: "",
        TRELLO_API_SECRET: "",
        PORT: "0",
        DATABASE_PATH: databasePath,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const ready = await logLine(child, "demo ready");
      const health = await fetch(`${ready.serviceUrl}/healthz`);
      expect(await health.json()).toMatchObject({ status: "ok", mode: "demo", database: { state: "ok" } });
      const month = new Date().toISOString().slice(0, 7);
      const report = spawnSync("npm", ["run", "--silent", "report", "--", "--board", ready.boardId, "--month", month], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: databasePath },
        encoding: "utf8",
      });
      expect(report.status).toBe(0);
      const json = JSON.parse(report.stdout);
      expect(json.board.name).toBe("ACME Client Portal — Delivery");
      expect(json.cards.created).toBeGreaterThan(0);
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(databasePath, { readonly: true });
      const sources = db.prepare("SELECT source, count(*) AS n FROM actions GROUP BY source ORDER BY source").all();
      const connection = db.prepare("SELECT status, webhook_id FROM connections").get() as {
        status: string;
        webhook_id: string;
      };
      db.close();
      expect(sources).toEqual([
        { source: "backfill", n: expect.any(Number) },
        { source: "webhook", n: 3 },
      ]);
      expect(connection.status).toBe("ready");
      expect(connection.webhook_id).toMatch(/^[0-9a-f]{24}$/);
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("without LOG_LEVEL shows the banner alone on the terminal and writes the logs to the file it names", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TRELLO_API_KEY: "",
      TRELLO_API_SECRET: "",
      PORT: "0",
      DATABASE_PATH: path.join(temp.dir, "quiet.db"),
    };
    delete env.LOG_LEVEL;
    const child = spawn("node", ["dist/scripts/start.js"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    try {
      for await (const chunk of child.stdout!) {
        out += chunk.toString();
        if (out.includes("Press Ctrl+C to stop.")) break;
      }
      expect(out.split("\n").filter((line) => line.startsWith("{"))).toEqual([]);
      expect(out).not.toMatch(/token=/);
      const logFile = /Logs: (\S+)/.exec(out)?.[1];
      expect(logFile).toBe(path.join(ROOT, "data", "demo.log"));
      const lines = fs
        .readFileSync(logFile!, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { msg: string });
      expect(lines.map((line) => line.msg)).toContain("demo ready");
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("stops with a message naming a bad variable", () => {
    const result = spawnSync("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "http" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT must be a whole number/);
  });

  it("serves /healthz and stores a signed delivery over real HTTP, then shuts down cleanly", async () => {
    const publicUrl = "https://loop.example.test";
    const child = spawn("node", ["dist/scripts/start.js"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: "0",
        PUBLIC_URL: publicUrl,
        DATABASE_PATH: path.join(temp.dir, "live.db"),
        TRELLO_API_KEY: "key",
        TRELLO_API_SECRET: "live-secret",
        TOKEN_ENCRYPTION_KEY: "cd".repeat(32),
        TRELLO_POWERUP_ID: "5f00000000000000000000aa",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const { port } = await logLine(child, "Stakeholder Loop is listening");
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);

      const story = new BoardStory();
      const body = story.delivery(story.createList("2026-03-01T00:00:00Z", "Backlog") && story.actions[0]);
      const post = (signature: string) =>
        fetch(`${base}/webhooks/trello`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-trello-webhook": signature },
          body,
        });
      expect((await post(trelloSign(body, `${publicUrl}/webhooks/trello`, "wrong"))).status).toBe(401);
      const ok = await post(trelloSign(body, `${publicUrl}/webhooks/trello`, "live-secret"));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ received: true, duplicate: false });
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
