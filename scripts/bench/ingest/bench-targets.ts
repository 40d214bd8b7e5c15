import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { WEBHOOK_PATH } from "../../../server/config/load-config";
import { projectRoot } from "../../../server/powerup/project-root";
import { freePort } from "../../demo/free-port";
import { startServiceProcess } from "./service-process";

/** A server the load generator is pointed at, in a process of its own. */
export interface BenchTarget {
  name: string;
  url: string;
  callbackUrl: string;
  secret: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  return exited;
}

/** The bare Express handler answering 200: the reference the service is measured against. */
export async function startBareExpress(): Promise<BenchTarget> {
  const port = await freePort();
  const script = path.join(projectRoot(), "dist", "scripts", "bench", "ingest", "bare-express.js");
  const child = spawn(process.execPath, [script, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare Express exited with code ${code}`)));
  });
  const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
  return { name: "bare Express", url, callbackUrl: url, secret: "unused", stop: () => stopChild(child) };
}

/** The real service over a fresh database in a temp folder (removed on stop). */
export async function startService(): Promise<BenchTarget> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loop-bench-"));
  const secret = "bench-secret";
  const service = await startServiceProcess({
    port: await freePort(),
    databasePath: path.join(dir, "loop.db"),
    secret,
  });
  return {
    name: "service",
    url: service.callbackUrl,
    callbackUrl: service.callbackUrl,
    secret,
    async stop() {
      await stopChild(service.child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
