import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../../scripts/demo/free-port";
import { createTrelloSimulator, type TrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../../scripts/trello-sim/simulator-types";
import { TEST_TOKEN_KEY } from "../../support/service-with-sim";
import { makeTempDir } from "../../support/test-app";

const ROOT = path.resolve(__dirname, "../../..");
const GUIDE = fs.readFileSync(path.join(ROOT, "docs/deploy.md"), "utf8");

/** The guide's runnable commands: each fenced `sh` block right after a `<!-- run: name -->` marker, by name. */
function runBlocks(doc: string): Map<string, string> {
  return new Map(
    [...doc.matchAll(/<!-- run: ([\w-]+) -->\n```sh\n([\s\S]*?)```/g)].map((match) => [match[1]!, match[2]!]),
  );
}

/** The keys of the guide's configuration file (its `ini` block). */
function configKeys(doc: string): string[] {
  const block = /```ini\n# \/etc\/stakeholder-loop\.env[^\n]*\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
  return block
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split("=")[0]!);
}

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs commands with bash from the repository's root (asynchronously: the simulator in this process keeps answering). */
function bash(
  script: string,
  env: NodeJS.ProcessEnv,
  options: { detached?: boolean } = {},
): { child: ChildProcess; done: Promise<Ran> } {
  const child = spawn("bash", ["-eo", "pipefail", "-c", script], { cwd: ROOT, env, detached: options.detached });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Ran>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
  return { child, done };
}

describe("docs/deploy.md's commands", () => {
  const temp = makeTempDir();
  const envFile = path.join(temp.dir, "stakeholder-loop.env");
  const backups = path.join(temp.dir, "backups");
  /** Where the guide's production paths are in this test; every other character of a command is the guide's. */
  const places: [string, string][] = [
    ["/etc/stakeholder-loop.env", envFile],
    ["/var/backups/stakeholder-loop", backups],
  ];
  const blocks = runBlocks(GUIDE);
  const command = (name: string) =>
    places.reduce((text, [from, to]) => text.split(from).join(to), blocks.get(name) ?? "");
  // Only the env file configures the commands, as on a server: none of this process's variables leak in.
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(TRELLO_|DATABASE_PATH|PUBLIC_URL|PORT$|TOKEN_|LOG_LEVEL)/.test(name),
    ),
  );
  let sim: TrelloSimulator;
  let info: SimInfo;
  let service: ChildProcess | undefined;

  beforeAll(async () => {
    sim = createTrelloSimulator({ rateLimits: false });
    info = await sim.listen(0);
    fs.mkdirSync(backups);
  });
  afterAll(async () => {
    if (service?.pid && service.exitCode === null) process.kill(-service.pid, "SIGKILL");
    await sim.close();
    temp.remove();
  });

  it("has the build, env, start, healthz, backup and webhooks blocks, with the production paths the test moves", () => {
    expect([...blocks.keys()]).toEqual(["build", "env", "start", "healthz", "backup", "webhooks"]);
    for (const [from] of places) expect([...blocks.values()].join("\n")).toContain(from);
  });

  it("builds, starts the service on the env file, answers /healthz, checks and repairs the webhooks and backs up, as written", async () => {
    // Build: `npm ci` is CI's own first step (.ci/run), before any test; the rest of the block runs here.
    const [install, ...build] = command("build").trim().split("\n");
    expect(install).toBe("npm ci");
    expect(fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8").split("\n")).toContain(install);
    const built = await bash(build.join("\n"), cleanEnv).done;
    expect({ status: built.status, stderr: built.stderr }).toEqual({ status: 0, stderr: "" });

    const port = await freePort();
    const values: Record<string, string> = {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      DATABASE_PATH: path.join(temp.dir, "loop.db"),
      TRELLO_API_KEY: info.key,
      TRELLO_API_SECRET: info.secret,
      TRELLO_POWERUP_ID: sim.pluginId,
      TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
      LOG_LEVEL: "warn",
    };
    const keys = configKeys(GUIDE);
    expect(keys.sort()).toEqual(Object.keys(values).sort());
    // The one line a real server does not have: Trello here is the simulator.
    fs.writeFileSync(
      envFile,
      [...keys.map((key) => `${key}=${values[key]}`), `TRELLO_API_BASE=${info.baseUrl}`, ""].join("\n"),
      { mode: 0o600 },
    );
    const withEnv = (name: string) => `${command("env")}${command(name)}`;

    const started = bash(withEnv("start"), cleanEnv, { detached: true });
    service = started.child;
    let health: Ran | undefined;
    for (let tries = 0; tries < 120 && health?.status !== 0; tries++) {
      if (service.exitCode !== null) throw new Error(`npm start exited: ${(await started.done).stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      health = await bash(withEnv("healthz"), cleanEnv).done;
    }
    expect(JSON.parse(health!.stdout)).toMatchObject({ status: "ok", mode: "trello", database: { state: "ok" } });

    // A member connects a board from the Power-Up: the service registers its webhook on Trello.
    const board = String(sim.createBoard({ name: "Deployed board", lists: ["To Do", "Done"] }).id);
    const connected = await fetch(`${values.PUBLIC_URL}/api/boards/${board}/connection`, {
      method: "POST",
      headers: { authorization: `Bearer ${await sim.mintJwt({ idBoard: board })}`, "content-type": "application/json" },
      body: JSON.stringify({ token: info.token }),
    });
    expect(connected.status).toBe(202);
    expect(sim.webhooks()).toEqual([
      expect.objectContaining({ idModel: board, callbackURL: `${values.PUBLIC_URL}/webhooks/trello`, active: true }),
    ]);

    const webhooks = await bash(withEnv("webhooks"), cleanEnv).done;
    expect({ status: webhooks.status, stderr: webhooks.stderr }).toEqual({ status: 0, stderr: "" });
    expect(webhooks.stdout).toContain(
      `Board ${board} (connected by member ${info.memberId})\n  stored:  ${sim.webhooks()[0]!.id}`,
    );
    expect(webhooks.stdout).toMatch(/Nothing to repair\.[\s\S]*No webhook to delete\./);

    const backup = await bash(withEnv("backup"), cleanEnv).done;
    expect({ status: backup.status, stderr: backup.stderr }).toEqual({ status: 0, stderr: "" });
    // npm prints the script's name first; the backup's JSON is the last line.
    const copy = JSON.parse(backup.stdout.trim().split("\n").at(-1)!) as { out: string; bytes: number };
    expect(path.dirname(copy.out)).toBe(backups);
    expect(fs.statSync(copy.out).size).toBe(copy.bytes);

    process.kill(-service.pid!, "SIGTERM");
    expect((await started.done).stderr).not.toMatch(/error/i);
  }, 240_000);
});
