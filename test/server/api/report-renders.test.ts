import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createApp } from "../../../server/app";
import { RENDERS_PER_BOARD } from "../../../server/api/reports-router";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import type { RenderPool } from "../../../server/reports/pool/create-render-pool";
import { RenderBusyError } from "../../../server/reports/pool/render-busy-error";
import type { ReportModel } from "../../../server/reports/model/report-model";
import { renderReportFormat } from "../../../server/reports/render/render-report-format";
import { createStore, type Store } from "../../../server/store/create-store";
import { openDatabase } from "../../../server/store/open-database";
import { sampleReportModel } from "../../support/sample-report-model";
import { makeTempDir } from "../../support/test-app";
import { unreachableTrello } from "../../support/unreachable-trello";

const BOARD = "5e93ba98614ac22d22f08500";
const OTHER_BOARD = "5e93ba98614ac22d22f08501";
const MEMBER_JWT = "member-jwt";

interface Running {
  baseUrl: string;
  store: Store;
  close(): Promise<void>;
}

/** The app from its factory on a real port (renders and /healthz truly concurrent), with a stand-in for Trello's JWTs. */
async function startApp(renderPool?: RenderPool): Promise<Running> {
  const temp = makeTempDir();
  const config = loadConfig({ DATABASE_PATH: path.join(temp.dir, "loop.db"), LOG_LEVEL: "silent" });
  const db = openDatabase(config.databasePath);
  const app = createApp({
    config,
    db,
    log: createLogger("silent"),
    trello: unreachableTrello(),
    verifyJwt: async (jwt, idBoard) => {
      if (jwt !== MEMBER_JWT) throw new Error("not a member");
      return { idMember: "member-1", idBoard, idPlugin: "plugin-1" };
    },
    renderPool,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store: createStore(db),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      if (!renderPool) await (app.locals.renderPool as RenderPool).close();
      db.close();
      temp.remove();
    },
  };
}

/** Stores a snapshot of `model` for a board, as a generation would; returns its id. */
function storeSnapshot(store: Store, boardId: string, model: ReportModel): string {
  const snapshot = store.reportSnapshots.insert({
    id: `snap-${boardId}-${Math.random().toString(36).slice(2)}`,
    boardId,
    month: "2026-03",
    timezone: "UTC",
    audience: "internal",
    modelJson: JSON.stringify({ ...model, board: { ...model.board, id: boardId } }),
    html: "<p>stored html</p>",
    markdown: "# stored markdown",
    contentHash: "0".repeat(64),
    createdBy: "member-1",
    createdAt: "2026-04-01T08:00:00.000Z",
  });
  return snapshot!.id;
}

const get = (running: Running, boardId: string, pathAndQuery: string) =>
  fetch(`${running.baseUrl}/api/boards/${boardId}/reports${pathAndQuery}`, {
    headers: { authorization: `Bearer ${MEMBER_JWT}` },
  });

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A pool whose renders all wait until opened: renders stay in flight for as long as a test needs. */
function gatedPool() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const pool = {
    started: 0,
    open: () => open(),
    render: async (...args: Parameters<RenderPool["render"]>) => {
      pool.started += 1;
      await gate;
      return renderReportFormat(...args);
    },
    retryAfterSeconds: () => 7,
    pending: () => 0,
    close: async () => undefined,
  };
  return pool;
}

describe("report renders per board", () => {
  it(`When a board has ${RENDERS_PER_BOARD} renders in flight, then the next answers 429 RENDER_BUSY with Retry-After; other boards and stored formats are served`, async () => {
    const pool = gatedPool();
    const running = await startApp(pool);
    try {
      const model = sampleReportModel();
      const id = storeSnapshot(running.store, BOARD, model);
      const otherId = storeSnapshot(running.store, OTHER_BOARD, model);
      const inFlight = Array.from({ length: RENDERS_PER_BOARD }, (_, i) =>
        get(running, BOARD, `/${id}?format=${i % 2 ? "csv" : "pdf"}`),
      );
      await until(() => pool.started === RENDERS_PER_BOARD);

      const refused = await get(running, BOARD, `/${id}?format=pdf`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("7");
      expect(await refused.json()).toEqual({
        error: {
          code: "RENDER_BUSY",
          message: `This board already has ${RENDERS_PER_BOARD} reports rendering: try again when one is done`,
        },
      });
      const generate = await fetch(`${running.baseUrl}/api/boards/${BOARD}/reports`, {
        method: "POST",
        headers: { authorization: `Bearer ${MEMBER_JWT}`, "content-type": "application/json" },
        body: JSON.stringify({ month: "2026-03", audience: "internal" }),
      });
      expect(generate.status).toBe(429);
      expect(((await generate.json()) as any).error.code).toBe("RENDER_BUSY");

      const stored = await get(running, BOARD, `/${id}?format=html`);
      expect([stored.status, await stored.text()]).toEqual([200, "<p>stored html</p>"]);
      const other = get(running, OTHER_BOARD, `/${otherId}?format=pdf`);
      await until(() => pool.started === RENDERS_PER_BOARD + 1);

      pool.open();
      expect((await Promise.all([...inFlight, other])).map((res) => res.status)).toEqual([200, 200, 200, 200]);
      const again = await get(running, BOARD, `/${id}?format=pdf`);
      expect(again.status).toBe(200);
    } finally {
      await running.close();
    }
  }, 120_000);

  it("When the service's render queue is full, then a render answers 429 RENDER_BUSY with the pool's Retry-After", async () => {
    const busy: RenderPool = {
      render: async () => {
        throw new RenderBusyError();
      },
      retryAfterSeconds: () => 12,
      pending: () => 0,
      close: async () => undefined,
    };
    const running = await startApp(busy);
    try {
      const id = storeSnapshot(running.store, BOARD, sampleReportModel());
      const res = await get(running, BOARD, `/${id}?format=pdf`);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("12");
      expect(((await res.json()) as any).error).toEqual({
        code: "RENDER_BUSY",
        message: "The service is rendering as many reports as it takes on at once",
      });
    } finally {
      await running.close();
    }
  });

  // The render thread runs at a lower priority: on a busy machine this PDF takes it longer than the usual 30 s.
  it("When a slow PDF renders, then /healthz keeps answering, one request after another, before the PDF is done", async () => {
    const running = await startApp();
    try {
      const model = sampleReportModel();
      const rows = model.stakeholders.rows;
      // Enough rows for a render of seconds: on the event loop, it would hold every /healthz until it finished.
      model.stakeholders.rows = Array.from({ length: 60 }, (_, i) => ({
        ...rows[i % rows.length]!,
        name: `Stakeholder ${i}`,
      }));
      const id = storeSnapshot(running.store, BOARD, model);

      let pdfDone = false;
      const pdf = get(running, BOARD, `/${id}?format=pdf`).then(async (res) => {
        const body = Buffer.from(await res.arrayBuffer());
        pdfDone = true;
        return { status: res.status, body };
      });
      let answeredDuringRender = 0;
      while (!pdfDone) {
        const health = await fetch(`${running.baseUrl}/healthz`);
        expect(health.status).toBe(200);
        if (!pdfDone) answeredDuringRender += 1;
      }
      const { status, body } = await pdf;
      expect(status).toBe(200);
      expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(answeredDuringRender).toBeGreaterThanOrEqual(20);
    } finally {
      await running.close();
    }
  }, 120_000);
});
