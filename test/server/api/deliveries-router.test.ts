import { createOutbox } from "../../../scripts/outbox/create-outbox";
import { startChatCatcher } from "../../../scripts/outbox/start-chat-catcher";
import { startMailCatcher } from "../../../scripts/outbox/start-mail-catcher";
import { deliveryOf } from "../../../server/app";
import { stakeholderRecord } from "../../support/loop-fixtures";
import { partyMessageLeaks } from "../../support/party-message-leaks";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

const DAY = 86_400_000;
const now = Date.now();
const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
const instant = (offset: number) => new Date(now + offset * DAY).toISOString();

/** What only the team's copy knows about these stakeholders: no party message may show any of it. */
const INTERNAL = ["Keeps reopening scope questions", "sceptic"];

const outbox = createOutbox();
let mail: Awaited<ReturnType<typeof startMailCatcher>>;
let chat: Awaited<ReturnType<typeof startChatCatcher>>;
let h: ServiceWithSim;
let boardId: string;
const cards: Record<string, string> = {};

beforeAll(async () => {
  mail = await startMailCatcher(outbox);
  chat = await startChatCatcher(outbox);
  h = await startServiceWithSim({
    env: { SMTP_URL: mail.url, MAIL_FROM: "Loop <loop@example.test>" },
    delivery: { pollMs: 20, baseDelayMs: 20, allowLocalWebhooks: true },
  });
  const board = h.sim.createBoard({ name: "ACME Portal", lists: ["Stakeholders", "Doing", "Done"], at: instant(-40) });
  const list = (board.lists as { id: string }[])[0]!.id;
  boardId = board.id as string;
  for (const name of ["dana", "jonas", "pat", "milestone", "acmeChange", "northwindChange"]) {
    cards[name] = h.sim.createCard(list, {
      name:
        { milestone: "Checkout live", acmeChange: "Saved carts", northwindChange: "Partner API quota" }[name] ?? name,
      at: instant(-40),
    }).id as string;
  }
  const set = (card: string, data: Record<string, unknown>) =>
    h.sim.setPluginData({ scope: "card", idModel: cards[card]! }, data);
  set("dana", {
    stakeholder: stakeholderRecord("Dana Ruiz", {
      org: "ACME",
      channel: "teams",
      buyIn: "sceptic",
      status: "difficult",
      difficultReason: "Keeps reopening scope questions",
    }),
    log: { v: 1, entries: [{ id: "abc12345", at: instant(-10), channel: "teams", summary: "Sprint 6 recap" }] },
  });
  set("jonas", {
    stakeholder: stakeholderRecord("Jonas Berg", {
      type: "partner",
      org: "Northwind",
      contact: "jonas@northwind.example",
      cadenceDays: 14,
    }),
  });
  set("pat", { stakeholder: stakeholderRecord("Pat Lee", { type: "sponsor", channel: "phone" }) });
  set("milestone", {
    milestone: { v: 1, stage: "execution", deliverable: "Checkout", due: day(2), baselineDue: day(2), doneOn: day(-3) },
  });
  set("acmeChange", {
    scope: {
      v: 1,
      decision: "change",
      party: "ACME",
      change: { status: "approved", proposedOn: day(-6), decidedOn: day(-2), rationale: "Fits within sprint 8" },
    },
  });
  set("northwindChange", {
    scope: {
      v: 1,
      decision: "change",
      party: "Northwind",
      change: {
        status: "rejected",
        proposedOn: day(-6),
        decidedOn: day(-2),
        rationale: "Northwind-only quota is out of scope",
      },
    },
  });
  expect((await h.connect(boardId)).status).toBe(202);
  await h.settle();
});

afterAll(async () => {
  expect(partyMessageLeaks(outbox.all(), INTERNAL)).toEqual([]);
  await h.close();
  await mail.close();
  await chat.close();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.baseUrl}/api/boards/${boardId}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function settled(id: number) {
  for (let i = 0; i < 200; i++) {
    const { body } = await call("GET", `/deliveries/${id}`);
    if (body.delivery.status === "sent" || body.delivery.status === "failed") return body.delivery;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("delivery never settled");
}

describe("Send update from the registry", () => {
  it("When Dana's draft is asked for, then it holds what changed in ACME's copy since her last update and nothing internal or of Northwind", async () => {
    const { status, body } = await call("GET", `/stakeholders/${cards.dana}/update-draft`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      channel: "teams",
      audience: "client",
      party: "ACME",
      ready: false,
      sinceDay: day(-10),
    });
    expect(body.text).toContain("Milestones reached:\n- Checkout live");
    expect(body.text).toContain("Saved carts: approved on " + day(-2) + " — Fits within sprint 8");
    expect(body.text).not.toMatch(/Partner API quota|Northwind/);
    for (const value of INTERNAL) expect(body.text.toLowerCase()).not.toContain(value.toLowerCase());
  });

  it("When the stakeholder has no webhook URL yet, then sending is refused saying what is missing", async () => {
    const res = await call("POST", `/stakeholders/${cards.dana}/updates`, {
      subject: "Hi",
      text: "Hello",
      idempotencyKey: "k-missing-1",
    });
    expect(res).toMatchObject({
      status: 409,
      body: { error: { code: "NOT_SENDABLE", message: expect.stringMatching(/No chat webhook URL/) } },
    });
  });

  it("When a webhook URL is not the platform's, then it is refused; a good one is stored sealed and shown only as set", async () => {
    const bad = await call("POST", `/stakeholders/${cards.dana}/chat-webhook`, {
      url: "https://evil.example.com/hook",
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "INVALID_WEBHOOK_URL" } } });
    const url = chat.urlFor("teams", "dana");
    expect(await call("POST", `/stakeholders/${cards.dana}/chat-webhook`, { url })).toEqual({
      status: 200,
      body: { webhookSet: true },
    });
    const view = await call("GET", `/stakeholders/${cards.dana}/delivery`);
    expect(view.body).toMatchObject({ webhookSet: true, ready: true, channel: "teams" });
    expect(JSON.stringify(view.body)).not.toContain(String(chat.port));
    const sealed = h.store.chatWebhooks.getSealed(boardId, cards.dana!)!;
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("127.0.0.1");
  });

  it("When the PM sends Dana's edited update, then Teams receives it once, Trello records it and she is no longer owed one", async () => {
    const before = await call("GET", "/stakeholders");
    expect(before.body.stakeholders.find((s: any) => s.idCard === cards.dana).update.overdue).toBe(true);
    const draft = (await call("GET", `/stakeholders/${cards.dana}/update-draft`)).body;
    const text = `${draft.text}\n\nP.S. See you at the sprint 8 review.`;
    const sent = await call("POST", `/stakeholders/${cards.dana}/updates`, {
      subject: draft.subject,
      text,
      idempotencyKey: "dana-update-001",
    });
    expect(sent).toMatchObject({
      status: 202,
      body: { delivery: { status: expect.stringMatching(/^(queued|sending)$/), channel: "teams", audience: "client" } },
    });
    const delivery = await settled(sent.body.delivery.id);
    expect(delivery).toMatchObject({ status: "sent", attempts: 1 });
    const received = outbox.all().filter((m) => m.transport === "teams");
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain("P.S. See you at the sprint 8 review.");

    const again = await call("POST", `/stakeholders/${cards.dana}/updates`, {
      subject: draft.subject,
      text,
      idempotencyKey: "dana-update-001",
    });
    expect(again).toMatchObject({ status: 200, body: { delivery: { id: delivery.id, status: "sent" } } });
    await deliveryOf(h.service.app).worker.runOnce();
    expect(outbox.all().filter((m) => m.transport === "teams")).toHaveLength(1);

    const after = await call("GET", "/stakeholders");
    expect(after.body.stakeholders.find((s: any) => s.idCard === cards.dana).update).toMatchObject({
      overdue: false,
      lastUpdateAt: delivery.sentAt,
    });
    // The comment follows the send: the delivery is sent first, then recorded on the card.
    for (let i = 0; i < 100 && !h.store.deliveries.get(delivery.id)!.trelloCommentAt; i++)
      await new Promise((r) => setTimeout(r, 20));
    const comments = h.sim
      .boardActions(boardId)
      .filter((a: any) => a.type === "commentCard" && a.data.card.id === cards.dana);
    expect(comments.map((c: any) => c.data.text)).toEqual([
      expect.stringMatching(/^📤 Update sent by Microsoft Teams: “ACME Portal: update/),
    ]);
    expect((await call("GET", `/stakeholders/${cards.dana}/delivery`)).body.deliveries).toEqual([
      expect.objectContaining({ id: delivery.id, status: "sent" }),
    ]);
  });

  it("When an update to a client shows an internal assessment, then it is refused and nothing is sent", async () => {
    const res = await call("POST", `/stakeholders/${cards.dana}/updates`, {
      subject: "Update",
      text: "Your buy-in matters to us",
      idempotencyKey: "dana-leak-001",
    });
    expect(res).toMatchObject({ status: 422, body: { error: { code: "INTERNAL_CONTENT" } } });
    expect(h.store.deliveries.getByKey(`update:${boardId}:${cards.dana}:dana-leak-001`)).toBeUndefined();
  });

  it("When Jonas (partner, email) is sent an update, then the SMTP server receives it at his address", async () => {
    const draft = (await call("GET", `/stakeholders/${cards.jonas}/update-draft`)).body;
    expect(draft).toMatchObject({
      channel: "email",
      audience: "partner",
      party: "Northwind",
      to: "jonas@northwind.example",
      ready: true,
    });
    expect(draft.text).toContain("Partner API quota: rejected");
    expect(draft.text).not.toContain("Saved carts");
    const sent = await call("POST", `/stakeholders/${cards.jonas}/updates`, {
      subject: draft.subject,
      text: draft.text,
      idempotencyKey: "jonas-update-001",
    });
    expect(await settled(sent.body.delivery.id)).toMatchObject({ status: "sent" });
    const [mailed] = outbox.all().filter((m) => m.transport === "email");
    expect(mailed).toMatchObject({ to: "jonas@northwind.example", subject: draft.subject, audience: "partner" });
  });

  it("When a stakeholder's channel is the phone, then there is nothing to send and the API says so", async () => {
    const res = await call("GET", `/stakeholders/${cards.pat}/update-draft`);
    expect(res).toMatchObject({
      status: 409,
      body: { error: { code: "NOT_SENDABLE", message: expect.stringMatching(/phone/) } },
    });
  });

  it("When a member of another board asks, then the board's deliveries are not shown", async () => {
    const res = await fetch(`${h.baseUrl}/api/boards/${boardId}/deliveries`, {
      headers: { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: "a".repeat(24) })}` },
    });
    expect(res.status).toBe(403);
  });
});
