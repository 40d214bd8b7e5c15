import http from "node:http";
import https from "node:https";

export interface HttpCall {
  method: "HEAD" | "POST";
  url: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
}

/** Keep-alive agents owned by one simulator, so closing it closes every connection it opened. */
export interface HttpAgents {
  http: http.Agent;
  https: https.Agent;
  destroy(): void;
}

export function createHttpAgents(): HttpAgents {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return { ...agents, destroy: () => (agents.http.destroy(), agents.https.destroy()) };
}

/** Sends one request and resolves with the status once the response has ended; rejects on network errors and timeouts. */
export function sendHttp(call: HttpCall, agents: HttpAgents): Promise<number> {
  const url = new URL(call.url);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: call.method,
        headers: { ...call.headers, ...(call.body ? { "content-length": String(call.body.length) } : {}) },
        agent: url.protocol === "https:" ? agents.https : agents.http,
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          clearTimeout(timer);
          resolve(res.statusCode ?? 0);
        });
        res.on("error", reject);
      },
    );
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error(`No response within ${call.timeoutMs} ms`), { code: "ETIMEDOUT" })),
      call.timeoutMs,
    );
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(call.body);
  });
}
