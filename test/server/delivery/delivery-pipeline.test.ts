import { Writable } from "node:stream";
import path from "node:path";
import { createOutbox } from "../../../scripts/outbox/create-outbox";
import { startChatCatcher, type ChatVerdict } from "../../../scripts/outbox/start-chat-catcher";
import { startMailCatcher, type MailVerdict } from "../../../scripts/outbox/start-mail-catcher";
import type { ChatPlatform } from "../../../scripts/outbox/chat-payload-schemas";
import { createTokenCipher } from "../../../server/auth/token-cipher";
import { createDeliveryPipeline, type DeliveryPipeline } from "../../../server/delivery/create-delivery-pipeline";
import { DeliveryError } from "../../../server/delivery/delivery-error";
import type { OutgoingMessage } from "../../../server/delivery/outgoing-message";
import { createLogger } from "../../../server/log/create-logger";
import { createStore, type Store } from "../../../server/store/create-store";
import { openDatabase, type Db } from "../../../server/store/open-database";
import { partyMessageLeaks } from "../../support/party-message-leaks";
import { makeTempDir } from "../../support/test-app";

const BOARD = "b".repeat(24);
const DANA = "d".repeat(24);
const JONAS = "e".repeat(24);
const cipher = createTokenCipher(Buffer.alloc(32, 7));

const outbox = createOutbox();
let mailVerdicts: MailVerdict[] = [];
let chatVerdicts: ChatVerdict[] = [];
let mail: Awaited<ReturnType<typeof startMailCatcher>>;
let chat: Awaited<ReturnType<typeof startChatCatcher>>;
let temp: ReturnType<typeof makeTempDir>;
let db: Db;
let store: Store;
let pipeline: DeliveryPipeline;
let logged = "";

beforeAll(async () => {
  mail = await startMailCatcher(outbox, { verdict: () => mailVerdicts.shift() ?? { accept: true } });
  chat = await startChatCatcher(outbox, { verdict: () => chatVerdicts.shift() });
});

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, "loop.db"));
  store = createStore(db);
  outbox.clear();
  mailVerdicts = [];
  chatVerdicts = [];
  logged = "";
  const sink = new Writable({ write: (chunk, _enc, done) => ((logged += String(chunk)), done()) });
  pipeline = createDeliveryPipeline({
    store,
    log: createLogger("debug", sink),
    smtp: { url: mail.url, from: "Stakeholder Loop <loop@loop.example.test>" },
    cipher,
    tuning: { baseDelayMs: 10, maxAttempts: 3, timeoutMs: 400 },
  });
});

afterEach(async () => {
  await pipeline.close();
  db.close();
  temp.remove();
});

afterAll(async () => {
  expect(partyMessageLeaks(outbox.all())).toEqual([]);
  await mail.close();
  await chat.close();
});

const email = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  boardId: BOARD,
  stakeholderCardId: JONAS,
  idempotencyKey: "report:2026-03:jonas",
  kind: "report",
  audience: "partner",
  channel: "email",
  to: "jonas@northwind.example",
  subject: "Northwind — March 2026 report",
  text: "Milestone Beta API was hit on 12 March.\nOpen it: https://loop.example.test/s/abc",
  html: '<p style="color:#333">Milestone <b>Beta API</b> was hit on 12 March.</p><p><a href="https://loop.example.test/s/abc?x=1&amp;y=2">Open the report</a></p>',
  attachments: [
    { filename: "report-2026-03.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.7\n% test\n") },
  ],
  link: "https://loop.example.test/s/abc",
  ...over,
});

const chatMessage = (
  channel: "slack" | "teams" | "google-chat",
  over: Partial<OutgoingMessage> = {},
): OutgoingMessage => ({
  boardId: BOARD,
  stakeholderCardId: DANA,
  idempotencyKey: `update:${channel}:dana`,
  kind: "update",
  audience: "client",
  channel,
  to: DANA,
  subject: "ACME update — 2 April",
  text: "Sprint 7 review: checkout accepted.\n\nNext: payments, due 30 April.",
  link: "https://loop.example.test/s/def",
  ...over,
});

function setWebhook(platform: ChatPlatform, name: string) {
  store.chatWebhooks.save(BOARD, DANA, cipher.encrypt(chat.urlFor(platform, name)), "member1", new Date());
}

/** Runs the worker until nothing is due or waiting for a retry (retries are 10-40 ms apart here). */
async function drain() {
  for (let i = 0; i < 50; i++) {
    await pipeline.worker.runOnce();
    const pending = store.deliveries.listBoard(BOARD, 100).some((d) => d.status === "queued");
    if (!pending) return;
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe("the delivery pipeline", () => {
  it("When an email is sent, then the SMTP server receives it with headers, HTML, the PDF attachment and the link", async () => {
    const queued = pipeline.enqueue(email(), "member1");
    expect(queued).toMatchObject({ status: "queued", created: true });
    await drain();
    const [received] = outbox.all();
    expect(received).toMatchObject({
      transport: "email",
      audience: "partner",
      to: "jonas@northwind.example",
      subject: "Northwind — March 2026 report",
    });
    expect(received!.from).toBe('"Stakeholder Loop" <loop@loop.example.test>');
    expect(received!.html).toContain("<b>Beta API</b>");
    expect(received!.text).toContain("Milestone Beta API was hit");
    expect(received!.links).toEqual(["https://loop.example.test/s/abc?x=1&y=2"]);
    expect(received!.attachments).toEqual([
      expect.objectContaining({ filename: "report-2026-03.pdf", contentType: "application/pdf" }),
    ]);
    expect(received!.attachments[0]!.content.toString()).toBe("%PDF-1.7\n% test\n");
    expect(received!.headers["message-id"]).toMatch(/^<delivery-\d+\.report_2026-03_jonas@loop\.example\.test>$/);
    expect(store.deliveries.get(queued.id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("When the same idempotency key is enqueued twice, then it is stored once and delivered once", async () => {
    const first = pipeline.enqueue(email(), "member1");
    await drain();
    const again = pipeline.enqueue(email(), "member1");
    await drain();
    expect(again).toEqual({ id: first.id, status: "sent", created: false });
    expect(outbox.all()).toHaveLength(1);
  });

  it("When a key is reused for another recipient, then it is refused as a caller's mistake", () => {
    pipeline.enqueue(email(), "member1");
    expect(() => pipeline.enqueue(email({ to: "other@northwind.example" }), "member1")).toThrow(
      expect.objectContaining({ code: "KEY_REUSED" }),
    );
  });

  it("When the SMTP server refuses with 5xx, then the delivery fails at once with the server's reply and is not retried", async () => {
    mailVerdicts = [{ accept: false, code: 550, message: "5.1.1 Mailbox unavailable" }];
    const { id } = pipeline.enqueue(email(), "member1");
    await drain();
    const delivery = store.deliveries.get(id)!;
    expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
    expect(delivery.lastError).toMatch(/^SMTP 550 5\.1\.1 Mailbox unavailable/);
    expect(outbox.all()).toHaveLength(0);
  });

  it("When the SMTP server answers 4xx once, then the delivery is retried after a backoff and delivered once", async () => {
    mailVerdicts = [{ accept: false, code: 451, message: "4.3.0 Try again later" }];
    const { id } = pipeline.enqueue(email(), "member1");
    await drain();
    expect(store.deliveries.get(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(logged).toMatch(/"reason":"SMTP 451 4\.3\.0 Try again later".*will retry/);
    expect(outbox.all()).toHaveLength(1);
  });

  it("When the SMTP server never answers, then each attempt times out and after the last the delivery is failed", async () => {
    mailVerdicts = [{ hang: true }, { hang: true }, { hang: true }];
    const { id } = pipeline.enqueue(email(), "member1");
    await drain();
    const delivery = store.deliveries.get(id)!;
    expect(delivery).toMatchObject({ status: "failed", attempts: 3 });
    expect(delivery.lastError).toMatch(/timeout/i);
  }, 20_000);

  it.each([
    ["slack", (p: any) => [p.text, p.blocks[0].text.text, p.blocks.at(-1).elements[0].url]],
    [
      "teams",
      (p: any) => [
        p.attachments[0].content.body[0].text,
        p.attachments[0].content.body[1].text,
        p.attachments[0].content.actions[0].url,
      ],
    ],
    [
      "google-chat",
      (p: any) => [
        p.text,
        p.cardsV2[0].card.header.title,
        p.cardsV2[0].card.sections[0].widgets.at(-1).buttonList.buttons[0].onClick.openLink.url,
      ],
    ],
  ] as const)(
    "When a %s update is sent, then the platform's webhook receives its own payload shape with the link as a button",
    async (platform, pick) => {
      setWebhook(platform, "dana");
      const { id } = pipeline.enqueue(chatMessage(platform), "member1");
      await drain();
      expect(store.deliveries.get(id)).toMatchObject({ status: "sent", attempts: 1 });
      const [received] = outbox.all();
      expect(received).toMatchObject({ transport: platform, to: "dana", audience: "client" });
      const [first, second, link] = pick(received!.payload);
      expect(`${first}\n${second}`).toMatch(/ACME update — 2 April|Sprint 7 review: checkout accepted/);
      expect(link).toBe("https://loop.example.test/s/def");
    },
  );

  it("When a webhook answers 500 and then 200, then the update is retried and delivered exactly once", async () => {
    setWebhook("teams", "dana");
    chatVerdicts = [{ status: 500, body: "Internal Server Error" }];
    const { id } = pipeline.enqueue(chatMessage("teams"), "member1");
    await pipeline.worker.runOnce();
    expect(store.deliveries.get(id)).toMatchObject({ status: "queued", lastError: "HTTP 500: Internal Server Error" });
    await drain();
    expect(store.deliveries.get(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(outbox.all()).toHaveLength(1);
  });

  it("When a webhook answers 429, then it is retried; 404 is not", async () => {
    setWebhook("slack", "dana");
    chatVerdicts = [{ status: 429, body: "rate_limited" }];
    const retried = pipeline.enqueue(chatMessage("slack"), "member1");
    await drain();
    expect(store.deliveries.get(retried.id)).toMatchObject({ status: "sent", attempts: 2 });
    chatVerdicts = [{ status: 404, body: "no_service" }];
    const refused = pipeline.enqueue(chatMessage("slack", { idempotencyKey: "update:slack:dana:2" }), "member1");
    await drain();
    expect(store.deliveries.get(refused.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "HTTP 404: no_service",
    });
  });

  it("When a webhook never answers, then the attempt times out and is retried", async () => {
    setWebhook("google-chat", "dana");
    chatVerdicts = [{ hang: true }];
    const { id } = pipeline.enqueue(chatMessage("google-chat"), "member1");
    await drain();
    expect(store.deliveries.get(id)).toMatchObject({ status: "sent", attempts: 2 });
    // The retry may follow within the same run on a slow machine, and a success clears lastError: the worker's log
    // keeps each failed attempt's reason.
    const retries = logged.split("\n").filter((line) => line.includes("will retry"));
    expect(retries).toHaveLength(1);
    expect(JSON.parse(retries[0]!).reason).toBe("timeout: no answer within 400 ms");
  });

  it("When a stakeholder has no webhook URL stored, then the chat delivery fails saying so", async () => {
    const { id } = pipeline.enqueue(chatMessage("teams"), "member1");
    await drain();
    expect(store.deliveries.get(id)).toMatchObject({
      status: "failed",
      lastError: "no chat webhook URL is set for this stakeholder",
    });
  });

  it("When the service stopped mid-send, then on start the delivery is marked failed and never resent", async () => {
    const { id } = pipeline.enqueue(email(), "member1");
    expect(store.deliveries.claimDue(Date.now(), 10).map((d) => d.id)).toEqual([id]);
    pipeline.worker.start();
    await pipeline.worker.runOnce();
    expect(store.deliveries.get(id)).toMatchObject({
      status: "failed",
      lastError: expect.stringMatching(/^interrupted/),
    });
    expect(outbox.all()).toHaveLength(0);
  });

  it("When a client message shows an internal assessment, then the guard refuses it and nothing is stored", () => {
    for (const text of [
      "Your buy-in is low",
      "Status: escalated to the technical lead",
      "PM note: budget at risk",
      "Dana: update overdue 3 days",
    ]) {
      expect(() => pipeline.enqueue(chatMessage("teams", { text, idempotencyKey: text }), "member1")).toThrow(
        DeliveryError,
      );
    }
    expect(store.deliveries.listBoard(BOARD, 10)).toEqual([]);
    expect(() =>
      pipeline.enqueue(chatMessage("teams", { audience: "internal", text: "Buy-in is low" }), "member1"),
    ).not.toThrow();
    // A party's own report lists its overdue invoices: that word alone is theirs to read.
    expect(() =>
      pipeline.enqueue(
        chatMessage("teams", { text: "Overdue invoices: INV-7, due 1 March", idempotencyKey: "invoices" }),
        "member1",
      ),
    ).not.toThrow();
  });

  it("When webhook URLs and SMTP credentials are used, then no log line holds them", async () => {
    setWebhook("slack", "secret-hook-T0123");
    pipeline.enqueue(chatMessage("slack"), "member1");
    chatVerdicts = [{ status: 500, body: "" }];
    await drain();
    expect(logged).toContain("delivery sent");
    expect(logged).not.toContain("secret-hook-T0123");
    expect(logged).not.toContain(String(chat.port));
  });
});
