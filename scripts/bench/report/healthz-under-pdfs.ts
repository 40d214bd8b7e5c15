import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import path from "node:path";
import { projectRoot } from "../../../server/powerup/project-root";
import { createIdFactory } from "../../trello-sim/model/object-id";
import type { TrelloSimulator } from "../../trello-sim/create-trello-simulator";
import type { SimInfo } from "../../trello-sim/simulator-types";
import { freePort } from "../../demo/free-port";

export interface ServiceUnderLoad {
  pdfs: number;
  /** 429 RENDER_BUSY answers the PDF clients waited out (Retry-After) before their PDF was drawn. */
  refusals: number;
  wallMs: number;
  /** Each PDF's time from its first request to its last byte. */
  pdfMs: number[];
  healthzMs: number[];
  webhookMs: number[];
  /** The same probes with nothing rendering, just before. */
  idle: Probed;
}

interface Probed {
  healthzMs: number[];
  webhookMs: number[];
}

export interface ServiceUnderLoadInput {
  databasePath: string;
  boardId: string;
  month: string;
  sim: TrelloSimulator;
  simInfo: SimInfo;
  tokenKey: string;
  pdfs: number;
  /** How long to probe the service with nothing rendering, as the reference. */
  baselineMs: number;
  /** A stored action of the board to copy for the webhook deliveries sent meanwhile. */
  actionTemplate: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(request: () => Promise<Response>): Promise<{ ms: number; res: Response }> {
  const start = performance.now();
  const res = await request();
  await res.arrayBuffer();
  return { ms: performance.now() - start, res };
}

/**
 * Until stopped: one client polling /healthz (5 ms apart), another sending signed webhook deliveries (20 ms apart)
 * with new action ids, each one request after another, timing every answer.
 */
function probeService(baseUrl: string, input: ServiceUnderLoadInput): { stop(): Promise<Probed> } {
  let stop = false;
  const healthzMs: number[] = [];
  const webhookMs: number[] = [];
  const polling = (async () => {
    while (!stop) {
      const { ms, res } = await timed(() => fetch(`${baseUrl}/healthz`));
      if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
      healthzMs.push(ms);
      await sleep(5);
    }
  })();
  const newId = createIdFactory();
  const callbackUrl = `${baseUrl}/webhooks/trello`;
  const delivering = (async () => {
    while (!stop) {
      const now = Date.now();
      const action = { ...input.actionTemplate, id: newId(now), date: new Date(now).toISOString() };
      const body = JSON.stringify({ action, model: { id: input.boardId } });
      const signature = createHmac("sha1", input.simInfo.secret)
        .update(body + callbackUrl)
        .digest("base64");
      const { ms, res } = await timed(() =>
        fetch(callbackUrl, {
          method: "POST",
          headers: { "content-type": "application/json", "x-trello-webhook": signature },
          body,
        }),
      );
      if (res.status !== 200) throw new Error(`a webhook delivery answered ${res.status}`);
      webhookMs.push(ms);
      await sleep(20);
    }
  })();
  return {
    async stop() {
      stop = true;
      await Promise.all([polling, delivering]);
      return { healthzMs, webhookMs };
    },
  };
}

/**
 * Starts the service as production runs it (`node dist/scripts/start.js`, its own process) on the database, has
 * it generate the month's snapshot, then downloads `pdfs` PDFs of it at once (each client waiting out a 429 for
 * its Retry-After) while probing /healthz and webhook deliveries; the same probes with nothing rendering come first.
 */
export async function measureServiceUnderLoad(input: ServiceUnderLoadInput): Promise<ServiceUnderLoad> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(projectRoot(), "dist", "scripts", "start.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATABASE_PATH: input.databasePath,
      TRELLO_API_KEY: input.simInfo.key,
      TRELLO_API_SECRET: input.simInfo.secret,
      TRELLO_API_BASE: input.simInfo.baseUrl,
      TRELLO_POWERUP_ID: input.sim.pluginId,
      TOKEN_ENCRYPTION_KEY: input.tokenKey,
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    for (let tries = 0; ; tries += 1) {
      const up = await fetch(`${baseUrl}/healthz`).then(
        (res) => res.ok,
        () => false,
      );
      if (up) break;
      if (tries > 300) throw new Error("the service did not start within 30 s");
      await sleep(100);
    }
    const auth = { authorization: `Bearer ${await input.sim.mintJwt({ idBoard: input.boardId })}` };
    const generated = await fetch(`${baseUrl}/api/boards/${input.boardId}/reports`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ month: input.month, audience: "internal" }),
    });
    if (generated.status !== 201)
      throw new Error(`generating the snapshot answered ${generated.status}: ${await generated.text()}`);
    const pdfUrl = `${baseUrl}/api/boards/${input.boardId}/reports/${((await generated.json()) as { id: string }).id}?format=pdf`;
    // One PDF first, so the worker thread is started and its fonts loaded, as on a service that has been up a while.
    await timed(() => fetch(pdfUrl, { headers: auth }));

    const probes = probeService(baseUrl, input);
    // The reference, in the same run: the same probes for a while with nothing rendering.
    await sleep(input.baselineMs);
    const idle = await probes.stop();
    const loaded = probeService(baseUrl, input);

    let refusals = 0;
    const started = performance.now();
    const pdfMs = await Promise.all(
      Array.from({ length: input.pdfs }, async () => {
        const first = performance.now();
        for (;;) {
          const { res } = await timed(() => fetch(pdfUrl, { headers: auth }));
          if (res.status === 200) return performance.now() - first;
          if (res.status !== 429) throw new Error(`a PDF download answered ${res.status}`);
          refusals += 1;
          await sleep(Number(res.headers.get("retry-after") ?? "1") * 1000);
        }
      }),
    );
    const wallMs = performance.now() - started;
    return { pdfs: input.pdfs, refusals, wallMs, pdfMs, idle, ...(await loaded.stop()) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
