import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedDelivery {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: any;
}

/** How the receiver answers the next POST: a status, optionally after a delay (to test timeouts). */
export interface Answer {
  status: number;
  delayMs?: number;
}

/** A webhook callback endpoint on loopback that records what it receives and answers as the test scripts it. */
export interface CallbackReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  heads: number;
  /** Status for HEAD requests (200 unless changed). */
  headStatus: number;
  /** Answers for the next POSTs, in order; when empty, POSTs get 200. */
  script: Answer[];
  close(): Promise<void>;
}

export async function startCallbackReceiver(path = "/webhooks/trello"): Promise<CallbackReceiver> {
  const receiver: Omit<CallbackReceiver, "url" | "close"> = { deliveries: [], heads: 0, headStatus: 200, script: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "HEAD") {
        receiver.heads++;
        res.writeHead(receiver.headStatus).end();
        return;
      }
      const body = Buffer.concat(chunks);
      receiver.deliveries.push({
        method: req.method ?? "",
        headers: req.headers,
        body,
        json: JSON.parse(body.toString("utf8")),
      });
      const answer = receiver.script.shift() ?? { status: 200 };
      const respond = () => res.writeHead(answer.status).end();
      if (answer.delayMs) setTimeout(respond, answer.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
