import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { runBackupCli } from "../../scripts/backup-cli";
import { runNpmScript } from "../support/run-npm";
import { startServiceWithSim, type ServiceWithSim } from "../support/service-with-sim";

async function backup(args: string[], env: NodeJS.ProcessEnv) {
  let stdout = "";
  let stderr = "";
  const status = await runBackupCli(args, {
    env,
    stdout: (c) => void (stdout += c),
    stderr: (c) => void (stderr += c),
  });
  return { status, stdout, stderr };
}

describe("npm run backup", () => {
  let h: ServiceWithSim;
  beforeAll(async () => {
    h = await startServiceWithSim();
  });
  afterAll(async () => {
    await h.close();
  });

  it("When the service is taking webhooks, then the copy is consistent, complete up to its moment, and opens as ours", async () => {
    const board = h.sim.createBoard({ name: "Busy board", lists: ["To Do", "Done"] });
    const list = (board.lists as { id: string }[])[0]!.id;
    expect((await h.connect(String(board.id))).status).toBe(202);
    await h.settle();
    const atStart = h.store.actions.count();

    // Cards keep arriving as signed deliveries while the copy is made.
    let writing = true;
    const load = (async () => {
      for (let i = 0; writing; i++) {
        h.sim.createCard(list, { name: `Card ${i}` });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const out = path.join(h.dir, "backup.db");
    const result = await runNpmScript("backup", ["--out", out], { DATABASE_PATH: h.config.databasePath });
    writing = false;
    await load;
    await h.settle();

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ out, bytes: fs.statSync(out).size });
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const copied = copy.prepare("SELECT count(*) FROM actions").pluck().get() as number;
    const stored = copy.prepare("SELECT raw FROM actions").pluck().all() as string[];
    copy.close();
    expect(copied).toBe(summary.actions);
    expect(copied).toBeGreaterThan(atStart);
    expect(copied).toBeLessThanOrEqual(h.store.actions.count());
    for (const raw of stored) expect(() => JSON.parse(raw)).not.toThrow();
    // The live service went on storing deliveries after the copy.
    expect(h.store.actions.count()).toBeGreaterThan(atStart);
    expect(fs.readdirSync(h.dir).filter((name) => name.includes(".partial-"))).toEqual([]);
  }, 90_000);

  it.each([
    [["--out", "/nonexistent-folder/backup.db"], "the folder /nonexistent-folder does not exist"],
    [[], "required option '--out <file>' not specified"],
  ])("When given %j, then it refuses with exit code 2 and a sentence", async (args, message) => {
    const result = await backup(args, { DATABASE_PATH: h.config.databasePath });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("When --out names an existing file, then it is left as it was", async () => {
    const existing = path.join(h.dir, "keep.txt");
    fs.writeFileSync(existing, "precious");
    const result = await backup(["--out", existing], { DATABASE_PATH: h.config.databasePath });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("a backup never overwrites a file");
    expect(fs.readFileSync(existing, "utf8")).toBe("precious");
  });
});
