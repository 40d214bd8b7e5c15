import path from "node:path";
import { runBoardTemplateCli } from "../../scripts/board-template-cli";
import { createTrelloSimulator, type TrelloSimulator } from "../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../scripts/trello-sim/simulator-types";
import { TEMPLATE_LABELS, TEMPLATE_LISTS } from "../../shared/board-template";
import { createStore } from "../../server/store/create-store";
import { openDatabase } from "../../server/store/open-database";
import { runNpmScript } from "../support/run-npm";
import { TEST_TOKEN_KEY } from "../support/service-with-sim";
import { makeTempDir } from "../support/test-app";

describe("npm run board:template", () => {
  const temp = makeTempDir();
  let sim: TrelloSimulator;
  let info: SimInfo;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sim = createTrelloSimulator({ rateLimits: false });
    info = await sim.listen(0);
    env = {
      TRELLO_API_KEY: info.key,
      TRELLO_API_SECRET: info.secret,
      TRELLO_API_BASE: info.baseUrl,
      TRELLO_TOKEN: info.token,
      TRELLO_POWERUP_ID: sim.pluginId,
      TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
      DATABASE_PATH: path.join(temp.dir, "loop.db"),
      LOG_LEVEL: "silent",
    };
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
  });

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await runBoardTemplateCli(args, {
      env,
      stdout: (chunk) => void (out += chunk),
      stderr: (chunk) => void (err += chunk),
    });
    return { code, out, err };
  }
  const rest = async <T>(resource: string): Promise<T> =>
    (await (
      await fetch(`${info.baseUrl}/1/${resource}?${new URLSearchParams({ key: info.key, token: info.token })}`)
    ).json()) as T;

  it("adds the workflow's lists and labels a board lacks, keeps what it has, and saves done lists and time zone; twice changes nothing", async () => {
    const board = sim.createBoard({ name: "Existing board", lists: ["To Do", "done "] });
    const boardId = String(board.id);
    const existingDone = String((board.lists as { id: string }[])[1]!.id);

    const first = await run(["--board", boardId, "--timezone", "Europe/Berlin"]);
    expect(first).toMatchObject({ code: 0, err: "" });
    const applied = JSON.parse(first.out);
    expect(applied.created.lists).toEqual(TEMPLATE_LISTS.filter((name) => name !== "Done"));
    expect(applied.created.labels).toEqual(TEMPLATE_LABELS.map((label) => label.name));
    expect(applied.settings).toEqual({ timezone: "Europe/Berlin", doneListIds: [existingDone] });
    const lists = await rest<{ name: string }[]>(`boards/${boardId}/lists`);
    expect(lists.map((list) => list.name)).toEqual([
      "To Do",
      "done ",
      ...TEMPLATE_LISTS.filter((name) => name !== "Done"),
    ]);

    const actions = sim.boardActions(boardId).length;
    const second = await run(["--board", boardId]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toEqual({ ...applied, created: { lists: [], labels: [] } });
    expect(sim.boardActions(boardId)).toHaveLength(actions);
    const db = openDatabase(env.DATABASE_PATH!);
    expect(createStore(db).boardSettings.get(boardId)).toEqual({
      boardId,
      timezone: "Europe/Berlin",
      doneListIds: [existingDone],
    });
    db.close();
  });

  it("runs as the npm script the deploy guide names, and refuses an unknown time zone with a usage error", async () => {
    const boardId = String(sim.createBoard({ name: "Empty board" }).id);
    const done = await runNpmScript("board:template", ["--board", boardId], env);
    expect(done.status).toBe(0);
    expect(JSON.parse(done.stdout).created.lists).toEqual([...TEMPLATE_LISTS]);
    const refused = await run(["--board", boardId, "--timezone", "Mars/Olympus"]);
    expect(refused).toMatchObject({ code: 2, out: "" });
    expect(refused.err).toMatch(/Mars\/Olympus is not a time zone/);
  });
});
