import request from "supertest";
import { createGroupCommitter } from "../../../server/sync/create-group-committer";
import type { IngestItem } from "../../../server/sync/create-action-ingester";
import { actionIdFactory, deliveryTemplates, signedDelivery } from "../../../scripts/bench/ingest/delivery-templates";
import { createStore } from "../../../server/store/create-store";
import { createTestApp, TEST_SECRET, type TestApp } from "../../support/test-app";

function item(id: string): IngestItem {
  return {
    action: { id } as IngestItem["action"],
    rawJson: "{}",
    context: { fallbackBoardId: "b", source: "webhook" },
  };
}

const syncWal = () => Promise.resolve();

describe("createGroupCommitter", () => {
  it("stores what is enqueued in one turn as one batch, settling each only after the batch", async () => {
    const batches: string[][] = [];
    const enqueue = createGroupCommitter(
      (items) => {
        batches.push(items.map((i) => i.action.id));
        return items.map(() => ({ duplicate: false }));
      },
      { syncWal },
    );
    const settled = Promise.all(["a", "b", "c"].map((id) => enqueue(item(id))));
    expect(batches).toEqual([]);
    await expect(settled).resolves.toEqual([{ duplicate: false }, { duplicate: false }, { duplicate: false }]);
    expect(batches).toEqual([["a", "b", "c"]]);
    await enqueue(item("d"));
    expect(batches).toEqual([["a", "b", "c"], ["d"]]);
  });

  it("settles nothing before the WAL fsync after the commit, and refuses the group when that fsync fails", async () => {
    let finishSync!: (err?: Error) => void;
    const pendingSync = () =>
      new Promise<void>((resolve, reject) => (finishSync = (err) => (err ? reject(err) : resolve())));
    const committed: string[] = [];
    const enqueue = createGroupCommitter(
      (items) => {
        committed.push(...items.map((i) => i.action.id));
        return items.map(() => ({ duplicate: false }));
      },
      { syncWal: pendingSync },
    );
    let settled = false;
    const first = enqueue(item("a")).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(committed).toEqual(["a"]);
    expect(settled).toBe(false);
    finishSync();
    await first;
    const second = enqueue(item("b"));
    await new Promise((resolve) => setImmediate(resolve));
    finishSync(new Error("EIO"));
    await expect(second).rejects.toThrow("EIO");
  });

  it("splits a large group into batches of at most the maximum", async () => {
    const sizes: number[] = [];
    const enqueue = createGroupCommitter(
      (items) => {
        sizes.push(items.length);
        return items.map(() => ({ duplicate: false }));
      },
      { syncWal, maxBatch: 4 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => enqueue(item(String(i)))));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("refuses only the action that fails, storing the rest of its batch alone", async () => {
    const committed: string[] = [];
    const enqueue = createGroupCommitter(
      (items) => {
        if (items.some((i) => i.action.id === "bad")) throw new Error("constraint failed");
        committed.push(...items.map((i) => i.action.id));
        return items.map(() => ({ duplicate: false }));
      },
      { syncWal },
    );
    const results = await Promise.allSettled(["a", "bad", "c"].map((id) => enqueue(item(id))));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(committed).toEqual(["a", "c"]);
  });
});

describe("group commit in the webhook route", () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  function deliveries(count: number) {
    const templates = deliveryTemplates(5);
    const nextId = actionIdFactory("abcdef000000");
    return Array.from({ length: count }, (_, i) => {
      const id = nextId();
      return { id, ...signedDelivery(templates[i % templates.length]!, id, t.config.webhookCallbackUrl, TEST_SECRET) };
    });
  }

  function post(delivery: { body: string; signature: string }, app: TestApp = t) {
    return request(app.app)
      .post("/webhooks/trello")
      .set("content-type", "application/json")
      .set("x-trello-webhook", delivery.signature)
      .send(delivery.body);
  }

  it("When deliveries arrive together, then each is answered 200 once stored and the state is the same as one by one", async () => {
    const batch = deliveries(40);
    const responses = await Promise.all(batch.map((d) => post(d)));
    expect(responses.map((r) => r.status)).toEqual(batch.map(() => 200));
    expect(t.store.actions.count()).toBe(40);
    const together = t.db.prepare("SELECT id, list_id, name, versions FROM cards ORDER BY id").all();

    const serial = createTestApp();
    try {
      // Same public URL and secret: the same signatures verify on the second app.
      for (const delivery of batch) await post(delivery, serial).expect(200);
      expect(serial.db.prepare("SELECT id, list_id, name, versions FROM cards ORDER BY id").all()).toEqual(together);
    } finally {
      serial.close();
    }
  });

  it("When one delivery of a group cannot be stored, then it alone gets 500 and the others are stored", async () => {
    const batch = deliveries(10);
    const failing = batch[3]!.id;
    t.db.exec(
      `CREATE TRIGGER fail_one BEFORE INSERT ON actions WHEN NEW.id = '${failing}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const responses = await Promise.all(batch.map((d) => post(d)));
    expect(responses.map((r) => r.status)).toEqual(batch.map((d) => (d.id === failing ? 500 : 200)));
    expect(responses[3]!.body.error.code).toBe("STORE_FAILED");
    expect(t.store.actions.count()).toBe(9);
  });

  it("When a second copy arrives in the same group, then both get 200 and the action is stored once", async () => {
    const [delivery] = deliveries(1);
    const responses = await Promise.all([post(delivery!), post(delivery!)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(responses.map((r) => r.body.duplicate).sort()).toEqual([false, true]);
    expect(t.store.actions.count()).toBe(1);
  });

  it("When a webhook is retired through any store on the connection, then its next delivery gets 410, and 200 once restored", async () => {
    const [delivery] = deliveries(1);
    const webhookId = JSON.parse(delivery!.body).webhook.id as string;
    createStore(t.db).retiredWebhooks.retire(webhookId, "b");
    await post(delivery!).expect(410);
    createStore(t.db).retiredWebhooks.restore(webhookId);
    await post(delivery!).expect(200);
  });
});
