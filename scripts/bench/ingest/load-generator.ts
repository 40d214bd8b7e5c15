import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { actionIdFactory, deliveryTemplates, signedDelivery } from "./delivery-templates";

/** What one load run is asked to do (passed as JSON in argv[2]). */
export interface LoadRequest {
  url: string;
  callbackUrl: string;
  secret: string;
  connections: number;
  durationS: number;
  /** Requests per second over all connections (open loop); absent = as fast as answers come (closed loop). */
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

/**
 * The load generator's own process (`node dist/scripts/bench/ingest/load-generator.js '<LoadRequest>'`): autocannon
 * sending signed deliveries, each with a fresh action id, over keep-alive connections. Prints a LoadResult.
 */
async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]!) as LoadRequest;
  const templates = deliveryTemplates(50);
  const nextId = actionIdFactory(randomBytes(6).toString("hex"));
  let sent = 0;
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.durationS,
    overallRate: request.rate,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const { body, signature } = signedDelivery(templates[sent++ % templates.length]!, nextId(), request.callbackUrl, request.secret);
          return { ...req, body, headers: { "content-type": "application/json", "x-trello-webhook": signature } };
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
