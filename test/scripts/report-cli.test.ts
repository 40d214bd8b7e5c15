import { spawnSync } from "node:child_process";
import path from "node:path";
import { createStore } from "../../server/store/create-store";
import { openDatabase } from "../../server/store/open-database";
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
    const ingest = createActionIngester(createStore(db));
    for (const action of story.actions) ingest(action, JSON.stringify(action), { fallbackBoardId: story.board.id, source: "webhook" });
    db.close();
  });
  afterAll(() => temp.remove());

  it("writes the month's JSON report to stdout", () => {
    const { status, stdout, stderr } = report(["--board", story.board.id, "--month", "2026-03", "--format", "json"], databasePath);
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
      period: { month: "2026-04", timezone: "Pacific/Chatham", start: "2026-03-31T10:15:00.000Z", end: "2026-04-30T11:15:00.000Z" },
      cards: { created: 1, completed: 1 },
      comments: 1,
    });
  });

  it("says clearly that a format is not available yet, with no output on stdout", () => {
    const { status, stdout, stderr } = report(["--board", story.board.id, "--month", "2026-03", "--format", "pdf"], databasePath);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/Format "pdf" is not available yet; available: json/);
  });

  it.each([
    [["--board", "b", "--month", "2026-03", "--format", "docx"], /--format.*docx|docx.*choices/i],
    [["--month", "2026-03"], /--board/],
    [["--board", story.board.id, "--month", "March"], /--month must be YYYY-MM/],
    [["--board", story.board.id, "--month", "2026-03", "--timezone", "Nowhere/City"], /not an IANA time zone/],
    [["--board", "000000000000000000000000", "--month", "2026-03"], /No data for board/],
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
});
