import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { actionIdFactory, deliveryTemplates, signedDelivery } from "./delivery-templates";
import { runOpenLoop } from "./open-loop";

/** What one load run is asked to do (passed as JSON in argv[2]). */
export interface LoadRequest {
  url: string;
  callbackUrl: string;
  secret: string;
  connections: number;
  durationS: number;
  /** Requests per second, evenly spaced (open loop, ./open-loop.ts); absent = as fast as answers come (closed loop, autocannon). */
  rate?: number;
}

export interface LoadResult {
  /** Requests answered 2xx per second of the run. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  notOk: number;
}

/** Boards the deliveries come from, interleaved: one endpoint serves every connected board. */
const BOARDS = 20;

/**
 * The load generator's own process (`node dist/scripts/bench/ingest/load-generator.js '<LoadRequest>'`): signed
 * deliveries, each with a fresh action id and the current date, over keep-alive connections. Prints a LoadResult.
 */
async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]!) as LoadRequest;
  const templates = deliveryTemplates(5, BOARDS);
  const nextId = actionIdFactory(randomBytes(6).toString("hex"));
  let sent = 0;
  const next = () =>
    signedDelivery(templates[sent++ % templates.length]!, nextId(), request.callbackUrl, request.secret);
  const headers = (signature: string) => ({ "content-type": "application/json", "x-trello-webhook": signature });
  if (request.rate !== undefined) {
    const result = await runOpenLoop({
      url: request.url,
      rate: request.rate,
      durationS: request.durationS,
      connections: request.connections,
      makeRequest: () => {
        const { body, signature } = next();
        return { body, headers: headers(signature) };
      },
    });
    const out: LoadResult = {
      perSecond: result.ok / request.durationS,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      ok: result.ok,
      notOk: result.notOk,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.durationS,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const { body, signature } = next();
          return { ...req, body, headers: headers(signature) };
        },
      },
    ],
  });
  const out: LoadResult = {
    perSecond: result["2xx"] / request.durationS,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result["2xx"],
    notOk: result.non2xx + result.errors + result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`load generator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
