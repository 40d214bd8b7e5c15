import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runReportCli } from "../../scripts/report-cli";
import { createStore } from "../../server/store/create-store";
import { openDatabase } from "../../server/store/open-database";
import { recordLoopHistory } from "../../server/loop/record-loop-history";
import { createActionIngester } from "../../server/sync/create-action-ingester";
import { BoardStory } from "../support/board-story";
import { makeTempDir } from "../support/test-app";

const ROOT = path.resolve(__dirname, "../..");

/** Runs the CLI exactly as DESIGN.md's contract spells it. */
function report(args: string[], databasePath: string) {
  const result = spawnSync("npm", ["run", "--silent", "report", "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run report", () => {
  const temp = makeTempDir();
  const databasePath = path.join(temp.dir, "loop.db");
  const story = new BoardStory();

  beforeAll(() => {
    const todo = story.createList("2026-03-01T00:00:00Z", "To do");
    const done = story.createList("2026-03-01T00:00:00Z", "Done 🎉");
    const card = story.createCard("2026-03-31T20:00:00Z", todo, "Late on the 31st in UTC");
    story.moveCard("2026-03-31T21:00:00Z", card, done);
    story.comment("2026-03-31T22:00:00Z", card, "Shipped");
    const db = openDatabase(databasePath);
    const store = createStore(db);
    const ingest = createActionIngester(store);
    for (const action of story.actions)
      ingest(action, JSON.stringify(action), { fallbackBoardId: story.board.id, source: "webhook" });
    // Two clients and a partner, each a stakeholder's organisation: a client report has to say which client.
    const parties: [string, string, string][] = [
      ["Ada", "client", "Acme"],
      ["Ina", "client", "Initech"],
      ["Gil", "partner", "Globex"],
    ];
    parties.forEach(([name, type, org], i) => {
      const idModel = `65f00000000000000000c0${i}${i}`;
      const stakeholder = {
        v: 1,
        name,
        type,
        org,
        influence: "high",
        interest: "high",
        channel: "email",
        cadenceDays: 7,
        buyIn: "sceptic",
        status: "active",
        initiation: { platform: true, roles: true, reviews: true, scope: true },
      };
      const record = {
        id: `pd${idModel}`,
        idPlugin: "5f0000000000000000000001",
        scope: "card",
        idModel,
        access: "shared",
        value: JSON.stringify({ stakeholder }),
      };
      store.pluginData.replaceModel(story.board.id, idModel, [record], "2026-02-01T00:00:00Z");
      recordLoopHistory(store, story.board.id, idModel, "2026-02-01T00:00:00Z");
    });
    db.close();
  });
  afterAll(() => temp.remove());

  it("writes the month's JSON report to stdout", () => {
    const { status, stdout, stderr } = report(
      ["--board", story.board.id, "--month", "2026-03", "--format", "json"],
      databasePath,
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      period: { month: "2026-03", timezone: "UTC", start: "2026-03-01T00:00:00.000Z", end: "2026-04-01T00:00:00.000Z" },
      cards: { created: 1, completed: 1 },
      comments: 1,
    });
  });

  it("moves the activity into April for a board reported from Pacific/Chatham", () => {
    const args = ["--board", story.board.id, "--month", "2026-04", "--timezone", "Pacific/Chatham", "--format", "json"];
    const { status, stdout } = report(args, databasePath);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      period: {
        month: "2026-04",
        timezone: "Pacific/Chatham",
        start: "2026-03-31T10:15:00.000Z",
        end: "2026-04-30T11:15:00.000Z",
      },
      cards: { created: 1, completed: 1 },
      comments: 1,
    });
  });

  it.each([
    ["html", /^<!DOCTYPE html>/i, "Monthly report: Client Portal, March 2026"],
    ["md", /^# /, "Client Portal"],
    ["csv", /^[^\n]+,[^\n]+\n/, "2026-03-30"],
  ])("writes --format %s as text to stdout", (format, start, text) => {
    const args = ["--board", story.board.id, "--month", "2026-03", "--format", format];
    if (format === "csv") args.push("--table", "throughput");
    const { status, stdout, stderr } = report(args, databasePath);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(start);
    expect(stdout).toContain(text);
  });

  it("writes a PDF to a piped stdout, and a PDF or a CSV zip to --out", () => {
    const piped = spawnSync(
      "npm",
      ["run", "--silent", "report", "--", "--board", story.board.id, "--month", "2026-03", "--format", "pdf"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: databasePath },
      },
    );
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const pdfFile = path.join(temp.dir, "march.pdf");
    const pdf = report(
      ["--board", story.board.id, "--month", "2026-03", "--format", "pdf", "--paper", "Letter", "--out", pdfFile],
      databasePath,
    );
    expect(pdf.status).toBe(0);
    expect(pdf.stdout).toBe("");
    expect(pdf.stderr).toContain(`wrote ${pdfFile}`);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const zipFile = path.join(temp.dir, "march-csv.zip");
    expect(
      report(["--board", story.board.id, "--month", "2026-03", "--format", "csv", "--out", zipFile], databasePath)
        .status,
    ).toBe(0);
    expect(fs.readFileSync(zipFile).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("writes one client's report with --audience client --party, and the board's only partner's with --audience partner", () => {
    const { status, stdout } = report(
      ["--board", story.board.id, "--month", "2026-03", "--audience", "client", "--party", "Initech"],
      databasePath,
    );
    expect(status).toBe(0);
    const client = JSON.parse(stdout);
    expect(client).toMatchObject({
      audience: "client",
      party: "Initech",
      cards: { created: 1, completed: 1 },
      comments: 1,
    });
    expect(client.stakeholders.rows.map((r: { name: string }) => r.name)).toEqual(["Ina"]);
    expect(stdout).not.toContain("sceptic");
    const partner = JSON.parse(
      report(["--board", story.board.id, "--month", "2026-03", "--audience", "partner"], databasePath).stdout,
    );
    expect(partner).toMatchObject({ audience: "partner", party: "Globex" });
    expect(JSON.parse(report(["--board", story.board.id, "--month", "2026-03"], databasePath).stdout).audience).toBe(
      "internal",
    );
  });

  it("refuses to write a binary format to a terminal and says to use --out, with exit code 2", async () => {
    const out: (string | Buffer)[] = [];
    let err = "";
    const io = {
      env: { DATABASE_PATH: databasePath },
      stdout: (chunk: string | Buffer) => void out.push(chunk),
      stderr: (chunk: string) => void (err += chunk),
      stdoutIsTTY: true,
    };

    await expect(runReportCli(["--board", story.board.id, "--month", "2026-03", "--format", "pdf"], io)).resolves.toBe(
      2,
    );
    expect(err).toMatch(/--format pdf is binary and stdout is a terminal: write it to a file with --out /);
    err = "";
    await expect(runReportCli(["--board", story.board.id, "--month", "2026-03", "--format", "csv"], io)).resolves.toBe(
      2,
    );
    expect(err).toMatch(/--out .*\.zip/);
    expect(out).toEqual([]);
    // Text formats still go to the terminal.
    await expect(runReportCli(["--board", story.board.id, "--month", "2026-03", "--format", "md"], io)).resolves.toBe(
      0,
    );
    expect(String(out[0])).toMatch(/^# /);
  });

  it.each([
    [["--board", "b", "--month", "2026-03", "--format", "docx"], /--format.*docx|docx.*choices/i],
    [["--month", "2026-03"], /--board/],
    [["--board", story.board.id, "--month", "March"], /--month must be YYYY-MM/],
    [["--board", story.board.id, "--month", "2026-03", "--timezone", "Nowhere/City"], /not an IANA time zone/],
    [["--board", "000000000000000000000000", "--month", "2026-03"], /No data for board/],
    [
      ["--board", story.board.id, "--month", "2026-03", "--audience", "sponsor"],
      /--audience.*sponsor|sponsor.*choices/i,
    ],
    [
      ["--board", story.board.id, "--month", "2026-03", "--audience", "client"],
      /party is required: this board has 2 clients, choose one of "Acme", "Initech"/,
    ],
    [
      ["--board", story.board.id, "--month", "2026-03", "--audience", "partner", "--party", "Acme"],
      /party "Acme" is not a partner of this board: choose one of "Globex"/,
    ],
    [
      ["--board", story.board.id, "--month", "2026-03", "--format", "csv", "--table", "gossip"],
      /Unknown CSV table "gossip"/,
    ],
  ])("refuses %j with a clear message and exit code 2", (args, message) => {
    const { status, stdout, stderr } = report(args, databasePath);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("refuses a missing database instead of creating an empty one", () => {
    const missing = path.join(temp.dir, "nope", "loop.db");
    const { status, stderr } = report(["--board", story.board.id, "--month", "2026-03"], missing);
    expect(status).toBe(2);
    expect(stderr).toContain(`No database at ${missing}`);
  });

  /** The CLI in-process, with stdout and stderr collected. */
  async function inProcess(args: string[], env: NodeJS.ProcessEnv) {
    let stdout = "";
    let stderr = "";
    const io = {
      env,
      stdout: (chunk: string | Buffer) => void (stdout += chunk.toString()),
      stderr: (chunk: string) => void (stderr += chunk),
    };
    return { status: await runReportCli(args, io), stdout: () => stdout, stderr: () => stderr };
  }

  it.each([
    ["a text file", Buffer.from("name,email\nDana,dana@example.com\n")],
    ["an empty file", Buffer.alloc(0)],
    ["another application's SQLite database", null],
  ])("refuses %s that is not ours without changing a byte or its mtime", async (_what, bytes) => {
    const file = path.join(temp.dir, `foreign-${Math.random().toString(36).slice(2)}.db`);
    if (bytes) fs.writeFileSync(file, bytes);
    else {
      const other = new Database(file);
      other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
      other.close();
    }
    const past = new Date("2026-01-01T00:00:00Z");
    fs.utimesSync(file, past, past);
    const before = fs.readFileSync(file);
    const run = await inProcess(["--board", story.board.id, "--month", "2026-03"], { DATABASE_PATH: file });
    expect(run.status).toBe(2);
    expect(run.stderr()).toContain(`${file} is not a Stakeholder Loop database`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(past.getTime());
    expect(
      fs.readdirSync(temp.dir).filter((name) => name.startsWith(path.basename(file)) && name !== path.basename(file)),
    ).toEqual([]);
  });

  it("reads our database without writing to it (opened read-only)", async () => {
    const before = fs.readFileSync(databasePath);
    const mtime = fs.statSync(databasePath).mtimeMs;
    const run = await inProcess(["--board", story.board.id, "--month", "2026-03"], { DATABASE_PATH: databasePath });
    expect(run.status).toBe(0);
    expect(fs.readFileSync(databasePath).equals(before)).toBe(true);
    expect(fs.statSync(databasePath).mtimeMs).toBe(mtime);
  });

  it("says in a sentence that --out's folder is missing, before doing any work", async () => {
    const out = path.join(temp.dir, "no-such-folder", "march.pdf");
    const run = await inProcess(["--board", story.board.id, "--month", "2026-03", "--format", "pdf", "--out", out], {
      DATABASE_PATH: databasePath,
    });
    expect(run.status).toBe(2);
    expect(run.stderr()).toBe(
      `report: --out ${out}: the folder ${path.dirname(out)} does not exist; create it first or choose another file\n`,
    );
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  it("says the board's history starts later when asked for a month before its first action", async () => {
    const run = await inProcess(["--board", story.board.id, "--month", "2026-02"], { DATABASE_PATH: databasePath });
    expect(run.status).toBe(2);
    expect(run.stdout()).toBe("");
    expect(run.stderr()).toMatch(
      /2026-02 ended before board \w+'s history starts \(its first action is on 2026-03-01\): choose 2026-03 or later/,
    );
  });
});
