import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile } from "../report/percentile";

/**
 * The disk's own floor under a durable answer: p50 and p99 of an fsync after an 8 KB append (about one group
 * commit's WAL frames), in a temp file on the disk the bench's databases use. Every 200 waits for one.
 */
export async function fsyncLatency(samples = 300): Promise<{ p50Ms: number; p99Ms: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loop-fsync-"));
  const handle = await fs.promises.open(path.join(dir, "probe"), "w");
  const block = Buffer.alloc(8192, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i += 1) {
      await handle.write(block);
      const start = performance.now();
      await handle.datasync();
      times.push(performance.now() - start);
    }
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}
