import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/demo/free-port";
import { createTrelloSimulator, type TrelloSimulator } from "../../scripts/trello-sim/create-trello-simulator";
import type { SimInfo } from "../../scripts/trello-sim/simulator-types";
import { EXIT, runWebhooksCli } from "../../scripts/webhooks-cli";
import type { RepairOutcome } from "../../scripts/webhooks/repair-webhooks";
import type { WebhooksReport } from "../../scripts/webhooks/inspect-webhooks";
import { syncRunnerOf } from "../../server/app";
import { loadConfig } from "../../server/config/load-config";
import { createLogger } from "../../server/log/create-logger";
import { startService, type RunningService } from "../../server/start-service";
import { createStore } from "../../server/store/create-store";
import { TEST_TOKEN_KEY } from "../support/service-with-sim";
import { makeTempDir } from "../support/test-app";
import { startCallbackReceiver } from "./trello-sim/support/callback-receiver";

/** The real service and the simulator over HTTP, boards A and B connected, and an orphan webhook on board C. */
interface Scene {
  sim: TrelloSimulator;
  info: SimInfo;
  env: NodeJS.ProcessEnv;
  service: RunningService;
  boards: { a: string; b: string; c: string };
  todoA: string;
  callbackUrl: string;
  restartService(): Promise<void>;
  rest(method: string, resource: string, body?: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

async function startScene(): Promise<Scene> {
  const temp = makeTempDir();
  const sim = createTrelloSimulator({ rateLimits: false, webhooks: { retryDelaysMs: [5, 5, 5] } });
  const info = await sim.listen(0);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_PATH: path.join(temp.dir, "loop.db"),
    TRELLO_API_KEY: info.key,
    TRELLO_API_SECRET: info.secret,
    TRELLO_POWERUP_ID: sim.pluginId,
    TRELLO_API_BASE: info.baseUrl,
    TOKEN_ENCRYPTION_KEY: TEST_TOKEN_KEY,
    LOG_LEVEL: "silent",
  };
  const config = loadConfig(env);
  const scene = {
    sim,
    info,
    env,
    service: await startService(config, createLogger("silent")),
    callbackUrl: config.webhookCallbackUrl,
    async restartService() {
      scene.service = await startService(config, createLogger("silent"));
    },
    rest: (method: string, resource: string, body?: Record<string, unknown>) =>
      fetch(`${info.baseUrl}/1/${resource}?${new URLSearchParams({ key: info.key, token: info.token })}`, {
        method,
        ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
      }),
    async close() {
      await sim.close();
      await scene.service.close().catch(() => undefined);
      temp.remove();
    },
  } as Scene;
  const [a, b, c] = ["Board A", "Board B", "Board C"].map((name) =>
    sim.createBoard({ name, lists: ["To Do", "Done"] }),
  );
  scene.boards = { a: String(a!.id), b: String(b!.id), c: String(c!.id) };
  scene.todoA = String((a!.lists as { id: string }[])[0]!.id);
  for (const boardId of [scene.boards.a, scene.boards.b]) {
    const res = await fetch(`http://127.0.0.1:${port}/api/boards/${boardId}/connection`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await sim.mintJwt({ idBoard: boardId })}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ token: info.token }),
    });
    expect(res.status).toBe(202);
  }
  // A webhook no connected board relies on: made with the service's token, calling the service.
  expect(
    (await scene.rest("POST", "webhooks", { callbackURL: scene.callbackUrl, idModel: scene.boards.c })).status,
  ).toBe(200);
  await syncRunnerOf(scene.service.app)?.idle();
  await sim.idle();
  return scene;
}

async function run(
  scene: Scene,
  args: string[],
  env: NodeJS.ProcessEnv = scene.env,
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runWebhooksCli(args, {
    env,
    stdout: (chunk) => void (out += chunk),
    stderr: (chunk) => void (err += chunk),
  });
  return { code, out, err };
}

function storedConnections(scene: Scene) {
  return createStore(scene.service.db).connections.all();
}

const problemCodes = (report: WebhooksReport, boardId: string) =>
  report.boards.find((board) => board.boardId === boardId)!.problems.map((problem) => problem.code);

describe("npm run webhooks", () => {
  let scene: Scene;
  beforeEach(async () => {
    scene = await startScene();
  });
  afterEach(async () => {
    await scene.close();
  });

  it("when Trello switched a webhook off and another was deleted, list shows both and the orphan; repair fixes them; a second repair changes nothing", async () => {
    const { sim, boards } = scene;
    const webhookOf = (boardId: string) =>
      storedConnections(scene).find((connection) => connection.boardId === boardId)!.webhookId!;
    const webhookA = webhookOf(boards.a);
    // The service is down while board A changes: every delivery fails, and Trello gives up on the webhook.
    await scene.service.close();
    sim.configureWebhookDelivery({ deactivateAfterFailures: 3, deactivateAfterMs: 0 });
    sim.createCard(scene.todoA, { name: "Changed while the service was down" });
    await sim.idle();
    await scene.restartService();
    expect((await scene.rest("DELETE", `webhooks/${webhookOf(boards.b)}`)).status).toBe(200);

    const listed = await run(scene, ["list", "--json"]);
    expect(listed).toMatchObject({ code: EXIT.problems, err: "" });
    const report = JSON.parse(listed.out) as WebhooksReport;
    expect(report.callbackUrl).toBe(scene.callbackUrl);
    const a = report.boards.find((board) => board.boardId === boards.a)!;
    expect(a.stored.webhookId).toBe(webhookA);
    expect(a.trello).toMatchObject({
      id: webhookA,
      idModel: boards.a,
      callbackURL: scene.callbackUrl,
      active: false,
      consecutiveFailures: 3,
    });
    expect(a.trello!.firstConsecutiveFailDate).toEqual(expect.any(String));
    expect(problemCodes(report, boards.a)).toEqual(["INACTIVE"]);
    expect(report.boards.find((board) => board.boardId === boards.b)).toMatchObject({
      trello: null,
      problems: [{ code: "MISSING", repairable: true }],
    });
    expect(report.orphans).toEqual([
      expect.objectContaining({
        idModel: boards.c,
        callbackURL: scene.callbackUrl,
        active: true,
        watchesConnectedBoard: false,
      }),
    ]);
    const text = await run(scene, ["list"]);
    expect(text.code).toBe(EXIT.problems);
    expect(text.out).toMatch(
      new RegExp(
        `Board ${boards.a}[\\s\\S]*INACTIVE, 3 failures in a row since [\\s\\S]*INACTIVE: Trello switched it off`,
      ),
    );
    expect(text.out).toMatch(new RegExp(`Board ${boards.b}[\\s\\S]*Trello:  \\(none\\)\\n  MISSING:`));
    expect(text.out).toContain(`model ${boards.c}`);

    const repaired = await run(scene, ["repair", "--json"]);
    expect(repaired).toMatchObject({ code: EXIT.ok, err: "" });
    const outcome = JSON.parse(repaired.out) as RepairOutcome;
    const created = sim.webhooks().find((webhook) => webhook.idModel === boards.b)!;
    expect(outcome.changes).toEqual([
      { boardId: boards.a, webhookId: webhookA, change: "reactivated" },
      { boardId: boards.b, webhookId: created.id, change: "created" },
    ]);
    expect(outcome.report.boards.map((board) => board.problems)).toEqual([[], []]);
    expect(webhookOf(boards.b)).toBe(created.id);
    expect(sim.webhooks().find((webhook) => webhook.id === webhookA)).toMatchObject({
      active: true,
      consecutiveFailures: 0,
      firstConsecutiveFailDate: null,
    });
    expect(outcome.report.orphans).toHaveLength(1);

    // The switched-on webhook delivers again, to the service.
    const card = sim.createCard(scene.todoA, { name: "After the repair" });
    await sim.idle();
    const stored = scene.service.db
      .prepare("SELECT count(*) FROM actions WHERE card_id = ?")
      .pluck()
      .get(String(card.id));
    expect(stored).toBe(1);

    const webhooksBefore = sim.webhooks();
    const connectionsBefore = storedConnections(scene);
    const again = await run(scene, ["repair", "--json"]);
    expect(again.code).toBe(EXIT.ok);
    expect((JSON.parse(again.out) as RepairOutcome).changes).toEqual([]);
    expect(sim.webhooks()).toEqual(webhooksBefore);
    expect(storedConnections(scene)).toEqual(connectionsBefore);
    expect((await run(scene, ["repair"])).out).toMatch(/^Nothing to repair\./);
  });

  it("when the stored webhook calls another URL, repair points it at PUBLIC_URL; a stale stored id is adopted", async () => {
    const { sim, boards } = scene;
    const webhookA = storedConnections(scene).find((connection) => connection.boardId === boards.a)!.webhookId!;
    // The service's old address (a PUBLIC_URL since changed) still answers Trello's HEAD check.
    const oldHost = await startCallbackReceiver();
    try {
      expect((await scene.rest("PUT", `webhooks/${webhookA}`, { callbackURL: oldHost.url })).status).toBe(200);
    } finally {
      await oldHost.close();
    }
    const listed = JSON.parse((await run(scene, ["list", "--json", "--board", boards.a])).out) as WebhooksReport;
    expect(listed.boards).toHaveLength(1);
    expect(problemCodes(listed, boards.a)).toEqual(["WRONG_CALLBACK"]);
    const repaired = JSON.parse((await run(scene, ["repair", "--json", "--board", boards.a])).out) as RepairOutcome;
    expect(repaired.changes).toEqual([{ boardId: boards.a, webhookId: webhookA, change: "callback-updated" }]);
    expect(sim.webhooks().find((webhook) => webhook.id === webhookA)!.callbackURL).toBe(scene.callbackUrl);

    createStore(scene.service.db).connections.save({
      ...storedConnections(scene).find((c) => c.boardId === boards.b)!,
      webhookId: null,
    });
    expect(problemCodes(JSON.parse((await run(scene, ["list", "--json"])).out) as WebhooksReport, boards.b)).toEqual([
      "STORED_ID_STALE",
    ]);
    const adopted = JSON.parse((await run(scene, ["repair", "--json"])).out) as RepairOutcome;
    const webhookB = sim.webhooks().find((webhook) => webhook.idModel === boards.b)!.id;
    expect(adopted.changes).toEqual([{ boardId: boards.b, webhookId: webhookB, change: "adopted" }]);
    expect(storedConnections(scene).find((c) => c.boardId === boards.b)!.webhookId).toBe(webhookB);
  });

  it("when Trello's HEAD check of the callback fails (the service is down), repair names the board, stores nothing and exits 1", async () => {
    const { boards } = scene;
    const before = storedConnections(scene);
    const webhookB = before.find((connection) => connection.boardId === boards.b)!.webhookId!;
    expect((await scene.rest("DELETE", `webhooks/${webhookB}`)).status).toBe(200);
    await scene.service.close();
    const repaired = await run(scene, ["repair", "--json"]);
    expect(repaired.code).toBe(EXIT.failed);
    const outcome = JSON.parse(repaired.out) as RepairOutcome;
    expect(outcome.changes).toEqual([]);
    expect(outcome.failures).toEqual([
      { boardId: boards.b, message: expect.stringMatching(/did not return 200 status code/) },
    ]);
    expect(scene.sim.webhooks().filter((webhook) => webhook.idModel === boards.b)).toEqual([]);
    await scene.restartService();
    expect(storedConnections(scene)).toEqual(before);
  });

  it("delete removes a board's webhook, then the orphans, on Trello only: connections and stored actions stay as they were", async () => {
    const { sim, boards } = scene;
    const connections = storedConnections(scene);
    const actions = scene.service.db.prepare("SELECT count(*) FROM actions").pluck().get();
    const byModel = (idModel: string) => sim.webhooks().filter((webhook) => webhook.idModel === idModel);
    const [webhookA] = byModel(boards.a);
    const [webhookB] = byModel(boards.b);
    const [orphan] = byModel(boards.c);

    const one = await run(scene, ["delete", "--board", boards.a]);
    expect(one.code).toBe(EXIT.ok);
    expect(one.out).toContain(`deleted webhook ${webhookA!.id}`);
    expect(one.out).toContain(`board ${boards.a} stays connected without a webhook`);
    expect(
      sim
        .webhooks()
        .map((webhook) => webhook.id)
        .sort(),
    ).toEqual([webhookB!.id, orphan!.id].sort());

    const orphans = await run(scene, ["delete", "--orphans", "--json"]);
    expect(orphans.code).toBe(EXIT.ok);
    expect(JSON.parse(orphans.out)).toEqual({
      deleted: [{ id: orphan!.id, idModel: boards.c, callbackURL: scene.callbackUrl }],
      boardsLeftWithout: [],
      failures: [],
    });
    expect(sim.webhooks().map((webhook) => webhook.id)).toEqual([webhookB!.id]);

    expect(storedConnections(scene)).toEqual(connections);
    expect(scene.service.db.prepare("SELECT count(*) FROM actions").pluck().get()).toBe(actions);
    const after = JSON.parse((await run(scene, ["list", "--json"])).out) as WebhooksReport;
    expect(after.boards.map((board) => [board.boardId, board.problems.map((problem) => problem.code)])).toEqual(
      [
        [boards.a, ["MISSING"]],
        [boards.b, []],
      ].sort(),
    );
    expect(after.orphans).toEqual([]);
    expect((await run(scene, ["delete", "--orphans"])).out).toBe("No webhook to delete.\n");
  });

  it("when all is well, list exits 0; a token Trello refuses is named, not repaired", async () => {
    expect((await run(scene, ["delete", "--orphans"])).code).toBe(EXIT.ok);
    const healthy = await run(scene, ["list"]);
    expect(healthy.code).toBe(EXIT.ok);
    expect(healthy.out).toContain("No orphan webhooks.");
    expect((await scene.rest("DELETE", `tokens/${scene.info.token}`)).status).toBe(200);
    const refused = JSON.parse((await run(scene, ["list", "--json"])).out) as WebhooksReport;
    expect(refused.boards.map((board) => board.problems)).toEqual([
      [expect.objectContaining({ code: "TOKEN_REFUSED", repairable: false })],
      [expect.objectContaining({ code: "TOKEN_REFUSED", repairable: false })],
    ]);
    const repair = await run(scene, ["repair", "--json"]);
    expect(repair.code).toBe(EXIT.ok);
    expect((JSON.parse(repair.out) as RepairOutcome).changes).toEqual([]);
  });

  it("refuses bad usage, a missing database and the demo's environment in the stable error shape with exit code 2", async () => {
    const missing = path.join(path.dirname(scene.env.DATABASE_PATH!), "nope.db");
    const cases: [string[], NodeJS.ProcessEnv, string, RegExp][] = [
      [["delete"], scene.env, "USAGE", /exactly one of --board <idBoard> or --orphans/],
      [["delete", "--board", scene.boards.a, "--orphans"], scene.env, "USAGE", /exactly one/],
      [["fix"], scene.env, "USAGE", /unknown command 'fix'/],
      [[], scene.env, "USAGE", /name a command: list, repair or delete/],
      [["list", "--bored", "x"], scene.env, "USAGE", /unknown option '--bored'/],
      [["repair"], { ...scene.env, DATABASE_PATH: missing }, "DATABASE_REFUSED", /No database at/],
      [["list"], { DATABASE_PATH: scene.env.DATABASE_PATH }, "NOT_CONFIGURED", /TRELLO_API_KEY/],
      [
        ["list"],
        { ...scene.env, TOKEN_ENCRYPTION_KEY: "short" },
        "CONFIG_INVALID",
        /TOKEN_ENCRYPTION_KEY must be 64 hex/,
      ],
    ];
    for (const [args, env, code, message] of cases) {
      const result = await run(scene, args, env);
      expect({ args, code: result.code, out: result.out }).toEqual({ args, code: EXIT.usage, out: "" });
      expect(JSON.parse(result.err)).toEqual({ error: { code, message: expect.stringMatching(message) } });
    }
    expect(fs.existsSync(missing)).toBe(false);
  });
});
