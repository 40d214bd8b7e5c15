import path from "node:path";
import Database from "better-sqlite3";
import { actionIdFactory, deliveryTemplates, signedDelivery } from "../../../scripts/bench/ingest/delivery-templates";
import { startServiceProcess, type ServiceProcess } from "../../../scripts/bench/ingest/service-process";
import { freePort } from "../../../scripts/demo/free-port";
import { makeTempDir } from "../../support/test-app";
import { sendUntilAcknowledged, type SenderStats } from "../../support/trello-style-sender";

const DELIVERIES = 1_500;
const KILLS = 4;

describe("crash safety of webhook ingest", () => {
  const temp = makeTempDir();
  let service: ServiceProcess | undefined;
  afterAll(async () => {
    if (service && service.child.exitCode === null) {
      service.child.kill("SIGKILL");
      await service.exited;
    }
    temp.remove();
  });

  it("When the service is SIGKILLed again and again under load with Trello-style retries, then every delivery answered 200 is stored exactly once and the database is intact", async () => {
    const port = await freePort();
    const databasePath = path.join(temp.dir, "loop.db");
    const secret = "crash-test-secret";
    const start = () => startServiceProcess({ port, databasePath, secret, logLevel: "warn" });
    service = await start();
    const templates = deliveryTemplates(40);
    const nextId = actionIdFactory("c0ffee000000");
    const deliveries = Array.from({ length: DELIVERIES }, (_, i) => {
      const id = nextId();
      return { id, ...signedDelivery(templates[i % templates.length]!, id, service!.callbackUrl, secret) };
    });

    const stats: SenderStats = { acknowledged: new Set(), failedAttempts: 0 };
    const sending = sendUntilAcknowledged(() => service!.callbackUrl, deliveries, {
      concurrency: 24,
      retryDelayMs: 20,
      stats,
    });
    const cutAttempts: number[] = [];
    for (let kill = 1; kill <= KILLS; kill += 1) {
      // Kill part-way through the load, while deliveries are in flight and batches are being committed.
      while (stats.acknowledged.size < (kill * DELIVERIES) / (KILLS + 1))
        await new Promise((resolve) => setTimeout(resolve, 5));
      const before = stats.failedAttempts;
      service.child.kill("SIGKILL");
      await service.exited;
      service = await start();
      cutAttempts.push(stats.failedAttempts - before);
    }
    await sending;
    service.child.kill("SIGTERM");
    await service.exited;

    // Every kill cut deliveries short: the crash hit the service under load, not between requests.
    expect(cutAttempts.every((cut) => cut > 0)).toBe(true);
    expect(stats.acknowledged.size).toBe(DELIVERIES);
    const db = new Database(databasePath, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = db.prepare("SELECT id FROM actions WHERE id LIKE 'c0ffee%'").pluck().all() as string[];
      expect(stored.length).toBe(DELIVERIES);
      expect(new Set(stored)).toEqual(stats.acknowledged);
      const raw = db.prepare("SELECT raw FROM actions WHERE id = ?").pluck();
      for (const delivery of [deliveries[0]!, deliveries[DELIVERIES - 1]!]) {
        expect(JSON.parse(raw.get(delivery.id) as string)).toEqual(JSON.parse(delivery.body).action);
      }
    } finally {
      db.close();
    }
  }, 300_000);
});
