import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { projectRoot } from "../../powerup/project-root";
import { ReportError } from "../report-error";
import type { RenderedReport, renderReportFormat } from "../render/render-report-format";
import { RenderBusyError } from "./render-busy-error";
import type { RenderOutcome, RenderTask } from "./render-task";

export interface RenderPool {
  /** renderReportFormat, run on a worker thread. Throws RenderBusyError when the queue is full. */
  render: typeof renderReportFormat;
  /** How long a refused caller should wait before trying again, from the renders' recent durations and the queue. */
  retryAfterSeconds(): number;
  /** Renders running or waiting. */
  pending(): number;
  /** Stops the workers (renders in flight are abandoned). */
  close(): Promise<void>;
}

export interface RenderPoolOptions {
  threads?: number;
  /** Renders that may wait for a thread; more are refused with RenderBusyError. */
  maxQueue?: number;
  /** An idle worker exits after this long (a warm one keeps its fonts loaded). */
  idleTimeoutMs?: number;
  workerFile?: string;
}

/**
 * The compiled worker in dist/, loaded from there in production and under jest alike (the jest globalSetup builds):
 * a worker thread runs plain JavaScript, and one file for both means the tests run what production runs.
 */
export function renderWorkerFile(): string {
  return path.join(projectRoot(), "dist", "server", "reports", "pool", "render-worker.js");
}

/** One core stays with the event loop (webhooks, /healthz); the rest render, at most four at a time. */
export function defaultRenderThreads(cpus: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cpus - 1));
}

function asRendered(outcome: RenderOutcome): RenderedReport {
  if ("refused" in outcome) throw new ReportError(outcome.refused.code, outcome.refused.message);
  const { body } = outcome.ok;
  // A Buffer arrives from the worker as a plain Uint8Array over a copied ArrayBuffer.
  return {
    ...outcome.ok,
    body: typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
  };
}

/** A bounded pool of worker threads rendering reports, so a PDF never holds up the service's event loop. */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const workerFile = options.workerFile ?? renderWorkerFile();
  if (!fs.existsSync(workerFile))
    throw new Error(`The report render worker ${workerFile} is missing: run npm run build`);
  const threads = options.threads ?? defaultRenderThreads();
  const maxQueue = options.maxQueue ?? 8 * threads;
  const pool = new Piscina<RenderTask, RenderOutcome>({
    filename: workerFile,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    // Lower OS priority for the render threads: when cores are scarce the event loop's thread runs first.
    niceIncrement: 5,
  });
  let pending = 0;
  let typicalMs = 1000;

  return {
    async render(model, format, formatOptions = {}) {
      if (pending >= threads + maxQueue) throw new RenderBusyError();
      pending += 1;
      const started = performance.now();
      try {
        return asRendered(await pool.run({ model, format, options: formatOptions }));
      } finally {
        pending -= 1;
        typicalMs = 0.8 * typicalMs + 0.2 * (performance.now() - started);
      }
    },
    retryAfterSeconds: () => Math.min(60, Math.max(1, Math.ceil((typicalMs * (1 + pending / threads)) / 1000))),
    pending: () => pending,
    close: () => pool.destroy(),
  };
}
