import http from "node:http";
import { percentile } from "../report/percentile";

export interface OpenLoopRequest {
  url: string;
  /** Requests per second, sent evenly spaced whatever the answers do. */
  rate: number;
  durationS: number;
  /** Keep-alive connections; a request due while all are busy waits for one, and that wait counts in its latency. */
  connections: number;
  /** Makes the i-th request's body and headers. */
  makeRequest: () => { body: string; headers: Record<string, string> };
}

export interface OpenLoopResult {
  sent: number;
  ok: number;
  notOk: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * A fixed-rate (open-loop) load: request i is due at start + i / rate, and its latency runs from that due
 * moment to the end of its answer, so a stall anywhere (the target, a full connection pool, this process's own
 * timer) counts against the requests it delayed: no coordinated omission. autocannon's `overallRate` is not used:
 * it lets each connection send its share at the top of every second (a burst of `rate` requests at once).
 */
export function runOpenLoop(request: OpenLoopRequest): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: request.connections });
  const url = new URL(request.url);
  const total = Math.round(request.rate * request.durationS);
  const intervalMs = 1000 / request.rate;
  const latencies: number[] = [];
  let sent = 0;
  let settled = 0;
  let notOk = 0;
  return new Promise((resolve) => {
    const start = performance.now();
    const finish = () => {
      if (++settled < total) return;
      agent.destroy();
      resolve({
        sent,
        ok: latencies.length,
        notOk,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        maxMs: percentile(latencies, 100),
      });
    };
    const send = (dueAt: number) => {
      const { body, headers } = request.makeRequest();
      const req = http.request(
        {
          agent,
          method: "POST",
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.once("end", () => {
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300)
              latencies.push(performance.now() - dueAt);
            else notOk += 1;
            finish();
          });
        },
      );
      req.once("error", () => {
        notOk += 1;
        finish();
      });
      req.end(body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) send(start + sent++ * intervalMs);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
    };
    tick();
  });
}
