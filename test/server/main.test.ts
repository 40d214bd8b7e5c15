import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { once } from "node:events";
import { BoardStory } from "../support/board-story";
import { trelloSign } from "../support/sign";
import { makeTempDir } from "../support/test-app";

const ROOT = path.resolve(__dirname, "../..");

/** Waits for the service's "listening" log line and returns the port it names. */
async function listeningPort(child: ChildProcess): Promise<number> {
  let buffered = "";
  for await (const chunk of child.stdout!) {
    buffered += chunk.toString();
    for (const line of buffered.split("\n")) {
      if (line.includes("Stakeholder Loop is listening")) return JSON.parse(line).port as number;
    }
  }
  throw new Error(`service exited before listening: ${buffered}`);
}

describe("npm start", () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it("without Trello credentials says what to set instead of failing obscurely", () => {
    const result = spawnSync("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, TRELLO_API_KEY: "", TRELLO_API_SECRET: "", DATABASE_PATH: path.join(temp.dir, "demo.db") },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TRELLO_API_KEY");
    expect(result.stderr).toContain("TRELLO_API_SECRET");
    expect(result.stderr).toContain("TOKEN_ENCRYPTION_KEY");
  });

  it("stops with a message naming a bad variable", () => {
    const result = spawnSync("npm", ["start", "--silent"], { cwd: ROOT, env: { ...process.env, PORT: "http" }, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT must be a whole number/);
  });

  it("serves /healthz and stores a signed delivery over real HTTP, then shuts down cleanly", async () => {
    const publicUrl = "https://loop.example.test";
    const child = spawn("node", ["dist/server/main.js"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: "0",
        PUBLIC_URL: publicUrl,
        DATABASE_PATH: path.join(temp.dir, "live.db"),
        TRELLO_API_KEY: "key",
        TRELLO_API_SECRET: "live-secret",
        TOKEN_ENCRYPTION_KEY: "cd".repeat(32),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const port = await listeningPort(child);
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);

      const story = new BoardStory();
      const body = story.delivery(story.createList("2026-03-01T00:00:00Z", "Backlog") && story.actions[0]);
      const post = (signature: string) =>
        fetch(`${base}/webhooks/trello`, { method: "POST", headers: { "content-type": "application/json", "x-trello-webhook": signature }, body });
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
