import { execFile } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../../server/powerup/project-root";
import type { LoadRequest, LoadResult } from "./load-generator";

/** Runs the load generator in a process of its own, so it never shares a CPU turn with the target it measures. */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  const script = path.join(projectRoot(), "dist", "scripts", "bench", "ingest", "load-generator.js");
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, JSON.stringify(request)], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`load generator failed: ${stderr || err.message}`));
      resolve(JSON.parse(stdout) as LoadResult);
    });
  });
}
