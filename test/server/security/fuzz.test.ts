import path from "node:path";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { runBackupCli } from "../../../scripts/backup-cli";
import { runReconcileCli, type ReconcileIo } from "../../../scripts/reconcile-cli";
import { runReportCli } from "../../../scripts/report-cli";
import { runRotateKeyCli } from "../../../scripts/rotate-key-cli";
import { createActionIngester } from "../../../server/sync/create-action-ingester";
import { createAppWithSim, type AppWithSim } from "../../support/app-with-sim";
import { BoardStory } from "../../support/board-story";
import { trelloSign } from "../../support/sign";

const BOARD = "5e93ba98614ac22d22f085c4";
/** Text that tends to break parsers: empty, huge, control and non-ASCII characters, bad percent-escapes, JSON-ish. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "%",
    "%E0%A4%A",
    "%00",
    "..",
    "../..",
    "2026-13",
    "2026-03",
    "0000-00",
    "Europe/Berlin",
    "Mars/Olympus",
    "null",
    "[]",
    "{}",
    "pdf",
    "csv",
    "html",
    "json",
    "md",
    "A4",
    "Letter",
    "true",
    "a.b.c",
    "é",
    "😀",
    "\u0000",
    "x".repeat(5_000),
  ),
  fc.stringMatching(/^[0-9a-f]{24}$/),
);
const boardSegment = fc.oneof(
  fc.constant(BOARD),
  nasty.map(encodeURIComponent),
  fc.constantFrom("%E0%A4%A", "%", "%2F"),
);
const routePath = fc.oneof(
  boardSegment.map((b) => `/api/boards/${b}/connection`),
  boardSegment.map((b) => `/api/boards/${b}/plugin-data/refresh`),
  boardSegment.map((b) => `/api/boards/${b}/reports/monthly`),
  boardSegment.map((b) => `/api/boards/${b}/reports`),
  fc.tuple(boardSegment, nasty.map(encodeURIComponent)).map(([b, s]) => `/api/boards/${b}/reports/${s}`),
  boardSegment.map((b) => `/api/boards/${b}/stakeholders`),
  fc.constant("/webhooks/trello"),
  fc.constant("/healthz"),
  nasty.map((s) => `/powerup/${encodeURIComponent(s)}`),
  nasty.map((s) => `/${encodeURIComponent(s)}`),
  fc.constantFrom("/api/boards/%E0%A4%A/reports", "/powerup/%E0%A4%A.html", "/%", "/api/boards//reports"),
);
const query = fc.dictionary(
  fc.constantFrom("month", "timezone", "format", "paper", "table", "deleteData", "x"),
  fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })),
  { maxKeys: 4 },
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  nasty,
  fc
    .record(
      { month: nasty, audience: nasty, timezone: nasty, pmStatus: nasty, pmNote: nasty, token: nasty, idCard: nasty },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);

function queryString(values: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) for (const one of [value].flat()) params.append(key, one);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** What every refusal must look like: the stable shape, a known code, a message a person can read. */
function expectErrorShape(text: string, where: string): void {
  let parsed: unknown;
  expect(() => (parsed = JSON.parse(text))).not.toThrow();
  expect({ where, keys: Object.keys(parsed as object) }).toEqual({ where, keys: ["error"] });
  const { error } = parsed as { error: { code: unknown; message: unknown } };
  expect({ where, code: typeof error.code, message: typeof error.message }).toEqual({
    where,
    code: "string",
    message: "string",
  });
  expect((error.code as string).length).toBeGreaterThan(0);
  expect((error.message as string).length).toBeGreaterThan(10);
}

describe("fuzz: generated malformed input never gets a 5xx or a crash, and every refusal names what is wrong", () => {
  let h: AppWithSim;
  let base: string;
  let server: ReturnType<AppWithSim["app"]["listen"]>;
  let jwt: string;
  beforeAll(async () => {
    h = await createAppWithSim({ limits: { perMember: 1e9, perBoard: 1e9, snapshotsPerDay: 1e9 } });
    const story = new BoardStory();
    const list = story.createList("2026-03-01T00:00:00Z", "Done");
    story.createCard("2026-03-02T00:00:00Z", list, "Shipped");
    const ingest = createActionIngester(h.store);
    for (const action of story.actions)
      ingest(action, JSON.stringify(action), { fallbackBoardId: BOARD, source: "webhook" });
    server = h.app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    jwt = await h.sim.mintJwt({ idBoard: BOARD });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  it("over every route: methods, paths, queries, bodies, content types, tokens and signatures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH"),
        routePath,
        query,
        body,
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", undefined),
        fc.oneof(fc.constant("valid"), fc.constant(undefined), nasty),
        fc.boolean(),
        async (method, url, params, payload, contentType, auth, signed) => {
          const headers: Record<string, string> = {};
          if (contentType) headers["content-type"] = contentType;
          if (auth === "valid") headers.authorization = `Bearer ${jwt}`;
          else if (auth !== undefined) headers.authorization = `Bearer ${auth.replace(/[^\x21-\x7e]/g, "")}`;
          const sendsBody = payload !== undefined && method !== "GET";
          if (sendsBody && url === "/webhooks/trello") {
            headers["x-trello-webhook"] = signed
              ? trelloSign(payload, h.config.webhookCallbackUrl, h.simInfo.secret)
              : "bm9wZQ==";
          }
          const res = await fetch(`${base}${url}${queryString(params)}`, {
            method,
            headers,
            body: sendsBody ? payload : undefined,
            signal: AbortSignal.timeout(10_000),
          });
          const text = await res.text();
          const where = `${method} ${url}${queryString(params)} → ${res.status}`;
          expect({ where, serverError: res.status >= 500 }).toEqual({ where, serverError: false });
          if (res.status >= 400) expectErrorShape(text, where);
        },
      ),
      { numRuns: 1_200 },
    );
  }, 120_000);

  const capture = () => {
    let stdout = "";
    let stderr = "";
    return {
      stdout: (chunk: string | Buffer) => void (stdout += chunk.toString()),
      stderr: (chunk: string) => void (stderr += chunk),
      out: () => ({ stdout, stderr }),
    };
  };
  const option = (names: string[]) => fc.array(fc.oneof(fc.constantFrom(...names), nasty), { maxLength: 8 });

  it("over the report CLI: exit code 0 or 2, never a crash, and a sentence on every refusal", async () => {
    const out = (s: string) => path.join(h.dir, "out", s.replace(/[^\w.-]/g, "_").slice(0, 40) || "x");
    await fc.assert(
      fc.asyncProperty(
        option([
          "--board",
          BOARD,
          "--month",
          "--timezone",
          "--format",
          "--audience",
          "client",
          "--paper",
          "--table",
          "--help",
        ]),
        fc.option(nasty.map(out), { nil: undefined }),
        async (args, file) => {
          const io = capture();
          const all = file ? [...args, "--out", file] : args;
          const code = await runReportCli(all, {
            env: { DATABASE_PATH: h.config.databasePath },
            stdout: io.stdout,
            stderr: io.stderr,
          });
          expect({ args: all, code }).toEqual({ args: all, code: code === 0 ? 0 : 2 });
          if (code === 2) expect(io.out().stderr.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it("over the reconcile, rotate-key and backup CLIs: exit code 0 or 2 with a sentence, never a crash", async () => {
    const env = {
      DATABASE_PATH: path.join(h.dir, "missing.db"),
      TRELLO_API_KEY: h.simInfo.key,
      TRELLO_API_SECRET: h.simInfo.secret,
      TRELLO_API_BASE: h.simInfo.baseUrl,
      TRELLO_POWERUP_ID: h.sim.pluginId,
      TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("reconcile", "rotate-key", "backup"),
        option(["--board", "--create", "--out", "--help", BOARD]),
        fc.record(
          { OLD_TOKEN_ENCRYPTION_KEY: nasty, TOKEN_ENCRYPTION_KEY: nasty, DATABASE_PATH: nasty, PUBLIC_URL: nasty },
          { requiredKeys: [] },
        ),
        async (cli, args, extra) => {
          const io = capture();
          const merged = {
            ...env,
            ...extra,
            DATABASE_PATH: extra.DATABASE_PATH
              ? path.join(h.dir, "missing", extra.DATABASE_PATH.replace(/\0/g, ""))
              : env.DATABASE_PATH,
          };
          const stderrStream = {
            write: (chunk: string) => (io.stderr(chunk), true),
            isTTY: false,
          } as unknown as ReconcileIo["stderr"];
          const code =
            cli === "reconcile"
              ? await runReconcileCli(args, { env: merged, stdout: io.stdout, stderr: stderrStream })
              : cli === "rotate-key"
                ? await runRotateKeyCli(args, { env: merged, stdout: io.stdout, stderr: io.stderr })
                : await runBackupCli(
                    args.map((a) =>
                      a.startsWith("--") ? a : path.join(h.dir, "missing-folder", a.replace(/\0/g, "")),
                    ),
                    { env: merged, stdout: io.stdout, stderr: io.stderr },
                  );
          expect({ cli, args, code, stderr: io.out().stderr }).toEqual({
            cli,
            args,
            code: code === 0 ? 0 : 2,
            stderr: io.out().stderr,
          });
          if (code === 2) expect(io.out().stderr.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 600 },
    );
  }, 120_000);
});
