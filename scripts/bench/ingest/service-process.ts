import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../../server/powerup/project-root";

export interface ServiceProcessOptions {
  port: number;
  databasePath: string;
  secret: string;
  /** The service's pino level; the bench keeps the default ("info", a line per request) to measure what runs. */
  logLevel?: string;
}

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  /** The webhook callback URL the service verifies signatures against. */
  callbackUrl: string;
  /** Resolves when the process has exited (after a SIGKILL, or SIGTERM and a clean shutdown). */
  exited: Promise<void>;
}

async function waitHealthy(baseUrl: string, child: ChildProcess, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (gone) throw new Error(`The service exited before it was ready (code ${child.exitCode})`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The service did not answer /healthz within 15 s");
}

/**
 * The real service (`dist/scripts/start.js`, what `npm start` runs) in its own process with Trello credentials
 * and an unreachable Trello, as production runs while Trello is down: it ingests webhooks all the same.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [path.join(projectRoot(), "dist", "scripts", "start.js")], {
    env: {
      PATH: process.env.PATH,
      PORT: String(options.port),
      PUBLIC_URL: baseUrl,
      DATABASE_PATH: options.databasePath,
      TRELLO_API_KEY: "bench-key",
      TRELLO_API_SECRET: options.secret,
      TRELLO_API_BASE: "http://127.0.0.1:9",
      TRELLO_POWERUP_ID: "5" + "0".repeat(23),
      TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
      LOG_LEVEL: options.logLevel ?? "info",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitHealthy(baseUrl, child, exited);
  return { child, baseUrl, callbackUrl: `${baseUrl}/webhooks/trello`, exited };
}
