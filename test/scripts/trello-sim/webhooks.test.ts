import { fixtureJson } from "../../support/trello-fixtures";
import { trelloSign } from "../../support/sign";
import { startCallbackReceiver, type CallbackReceiver } from "./support/callback-receiver";
import { closestMatch } from "./support/json-shape";
import { seedBoard, startTestSim, type TestSim } from "./support/test-sim";

let t: TestSim;
let receiver: CallbackReceiver;
beforeEach(async () => {
  t = await startTestSim({ rateLimits: false });
  receiver = await startCallbackReceiver();
});
afterEach(async () => {
  await t.sim.close();
  await receiver.close();
});

/** POST /1/webhooks; the body is the webhook JSON on success, Trello's error text otherwise. */
async function createWebhook(idModel: string, callbackURL = receiver.url): Promise<{ status: number; body: any }> {
  const res = await t.api("/webhooks", {
    method: "POST",
    body: { callbackURL, idModel, description: "Stakeholder Loop" },
  });
  return { status: res.status, body: res.status === 200 ? await res.json() : await res.text() };
}

describe("creating a webhook", () => {
  it("sends HEAD to the callback and creates the webhook when it answers 200", async () => {
    const { board } = seedBoard(t.sim);
    const created = await createWebhook(board.id);
    expect(receiver.heads).toBe(1);
    expect(created).toEqual({
      status: 200,
      body: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        description: "Stakeholder Loop",
        idModel: board.id,
        callbackURL: receiver.url,
        active: true,
        consecutiveFailures: 0,
        firstConsecutiveFailDate: null,
      },
    });
  });

  it("refuses with 400 when the HEAD check does not answer 200", async () => {
    const { board } = seedBoard(t.sim);
    receiver.headStatus = 404;
    expect(await createWebhook(board.id)).toEqual({
      status: 400,
      body: `URL (${receiver.url}) did not return 200 status code, got 404`,
    });
    expect(t.sim.webhooks()).toEqual([]);
  });

  it("refuses a second webhook for the same token, model and callback", async () => {
    const { board } = seedBoard(t.sim);
    await createWebhook(board.id);
    expect(await createWebhook(board.id)).toEqual({
      status: 400,
      body: "A webhook with that callback, model, and token already exists",
    });
  });

  it("refuses a model the token's member cannot see", async () => {
    const { board } = seedBoard(t.sim);
    const outsider = t.sim.createMember({ fullName: "Out Sider" });
    const res = await t.api("/webhooks", {
      method: "POST",
      token: outsider.token,
      body: { callbackURL: receiver.url, idModel: board.id },
    });
    expect([res.status, await res.text()]).toEqual([400, "invalid value for idModel"]);
  });
});

describe("delivering actions", () => {
  it("POSTs each action as UTF-8 JSON signed with base64(HMAC-SHA1(secret, body + callbackURL))", async () => {
    const { board, todo } = seedBoard(t.sim, "Pendências");
    await createWebhook(board.id);
    const card = t.sim.createCard(todo.id, { name: "Café ☕ com o cliente" });
    await t.sim.idle();
    expect(receiver.deliveries).toHaveLength(1);
    const [delivery] = receiver.deliveries;
    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(delivery!.headers["x-trello-webhook"]).toBe(trelloSign(delivery!.body, receiver.url, t.sim.secret));
    expect(delivery!.json.action).toMatchObject({
      type: "createCard",
      data: { card: { id: card.id, name: "Café ☕ com o cliente" } },
    });
    expect(delivery!.json.model).toMatchObject({ id: board.id, name: "Pendências" });
  });

  it("sends the envelope of Trello's current deliveries: model, action (with display, limits null) and webhook", async () => {
    const real = fixtureJson("webhook__updateCard-moveList__2024__aruturu24-full-envelope.json");
    const { board, todo, done } = seedBoard(t.sim);
    await createWebhook(board.id);
    const card = t.sim.createCard(todo.id, { name: "Move me" });
    t.sim.moveCard(card.id, done.id);
    await t.sim.idle();
    const body = receiver.deliveries[1]!.json;
    expect(Object.keys(body)).toEqual(Object.keys(real));
    // A healthy webhook has no first failure date: compare with the one Trello answered the creation with.
    expect(
      closestMatch(body.webhook, [real.webhook, fixtureJson("rest__POST_webhooks__ruby-trello.json")]).problems,
    ).toEqual([]);
    expect(closestMatch(body.action.display, [real.action.display]).problems).toEqual([]);
    expect(body.action.limits).toBeNull();
  });

  it("delivers in order, one webhook's deliveries never overtaking each other", async () => {
    const { board, todo } = seedBoard(t.sim);
    await createWebhook(board.id);
    receiver.script = [{ status: 200, delayMs: 30 }];
    const card = t.sim.createCard(todo.id, { name: "Ordered" });
    for (let i = 0; i < 20; i++) t.sim.addComment(card.id, `comment ${i}`);
    await t.sim.idle();
    expect(receiver.deliveries.map((delivery) => delivery.json.action.data.text ?? "created")).toEqual([
      "created",
      ...Array.from({ length: 20 }, (_, i) => `comment ${i}`),
    ]);
  });

  it("delivers a card's actions to a webhook on that card, with the card as the model", async () => {
    const { board, todo } = seedBoard(t.sim);
    const watched = t.sim.createCard(todo.id, { name: "Watched" });
    const other = t.sim.createCard(todo.id, { name: "Other" });
    await createWebhook(watched.id);
    t.sim.addComment(other.id, "not for you");
    t.sim.addComment(watched.id, "for you");
    await t.sim.idle();
    expect(receiver.deliveries.map((delivery) => delivery.json.action.data.text)).toEqual(["for you"]);
    expect(receiver.deliveries[0]!.json.model).toMatchObject({ id: watched.id, idBoard: board.id, name: "Watched" });
  });

  it("retries a failed delivery 3 times, counting consecutive failures, then resets them on success", async () => {
    const { board, todo } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    receiver.script = [{ status: 500 }, { status: 503 }, { status: 500 }, { status: 502 }];
    const card = t.sim.createCard(todo.id, { name: "Unlucky" });
    await t.sim.idle();
    expect(receiver.deliveries).toHaveLength(4);
    expect(receiver.deliveries.map((delivery) => delivery.json.webhook.consecutiveFailures)).toEqual([0, 1, 2, 3]);
    const after = await (await t.api(`/webhooks/${webhook.id}`)).json();
    expect(after).toMatchObject({
      consecutiveFailures: 4,
      firstConsecutiveFailDate: receiver.deliveries[1]!.json.webhook.firstConsecutiveFailDate,
      active: true,
    });
    t.sim.addComment(card.id, "lucky");
    await t.sim.idle();
    expect(await (await t.api(`/webhooks/${webhook.id}`)).json()).toMatchObject({
      consecutiveFailures: 0,
      firstConsecutiveFailDate: null,
    });
  });

  it("treats no answer within the timeout as a failure", async () => {
    t.sim.configureWebhookDelivery({ timeoutMs: 100, retryDelaysMs: [] });
    const { board, todo } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    receiver.script = [{ status: 200, delayMs: 500 }];
    t.sim.createCard(todo.id, { name: "Slow" });
    await t.sim.idle();
    expect(t.sim.webhooks().find((candidate) => candidate.id === webhook.id)).toMatchObject({ consecutiveFailures: 1 });
  });

  it("deletes the webhook when the callback answers 410 Gone", async () => {
    const { board, todo } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    receiver.script = [{ status: 410 }];
    const card = t.sim.createCard(todo.id, { name: "Gone" });
    await t.sim.idle();
    expect((await t.api(`/webhooks/${webhook.id}`)).status).toBe(404);
    t.sim.addComment(card.id, "nobody listens");
    await t.sim.idle();
    expect(receiver.deliveries).toHaveLength(1);
  });

  it("deactivates a webhook that has failed too often for too long, and delivers nothing more to it", async () => {
    t.sim.configureWebhookDelivery({ deactivateAfterFailures: 3, deactivateAfterMs: 0, retryDelaysMs: [5, 5, 5] });
    const { board, todo } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    receiver.script = Array(10).fill({ status: 500 });
    const card = t.sim.createCard(todo.id, { name: "Down" });
    t.sim.addComment(card.id, "still down");
    await t.sim.idle();
    expect(receiver.deliveries).toHaveLength(3);
    expect(await (await t.api(`/webhooks/${webhook.id}`)).json()).toMatchObject({
      active: false,
      consecutiveFailures: 3,
    });
  });

  it("holds deliveries while paused and can release them in reverse order", async () => {
    const { board, todo } = seedBoard(t.sim);
    await createWebhook(board.id);
    t.sim.pauseDeliveries();
    const card = t.sim.createCard(todo.id, { name: "Late" });
    t.sim.addComment(card.id, "second");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.deliveries).toEqual([]);
    expect(t.sim.pendingDeliveries()).toHaveLength(2);
    t.sim.resumeDeliveries({ reverse: true });
    await t.sim.idle();
    expect(receiver.deliveries.map((delivery) => delivery.json.action.type)).toEqual(["commentCard", "createCard"]);
  });

  it("delivers an action again on request, with the same action id", async () => {
    const { board, todo } = seedBoard(t.sim);
    await createWebhook(board.id);
    const card = t.sim.createCard(todo.id, { name: "Twice" });
    await t.sim.idle();
    t.sim.redeliver(t.sim.boardActions(board.id)[0]!.id);
    await t.sim.idle();
    expect(receiver.deliveries.map((delivery) => delivery.json.action.data.card.id)).toEqual([card.id, card.id]);
    expect(receiver.deliveries[0]!.json.action.id).toBe(receiver.deliveries[1]!.json.action.id);
  });
});

describe("managing webhooks", () => {
  it("lists a token's webhooks, switches one off and deletes it", async () => {
    const { board, todo } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    expect(await (await t.api(`/tokens/${t.sim.token}/webhooks`)).json()).toEqual([webhook]);
    await t.api(`/webhooks/${webhook.id}`, { method: "PUT", body: { active: false } });
    t.sim.createCard(todo.id, { name: "Unheard" });
    await t.sim.idle();
    expect(receiver.deliveries).toEqual([]);
    expect(await (await t.api(`/webhooks/${webhook.id}`, { method: "DELETE" })).json()).toEqual({ _value: null });
    expect(await (await t.api(`/tokens/${t.sim.token}/webhooks`)).json()).toEqual([]);
  });

  it("answers a well-formed id that names no webhook with 404 and a malformed one with 400, in Trello's words", async () => {
    const { board } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    await t.api(`/webhooks/${webhook.id}`, { method: "DELETE" });
    for (const method of ["GET", "PUT", "DELETE"]) {
      const gone = await t.api(`/webhooks/${webhook.id}`, {
        method,
        ...(method === "PUT" ? { body: { active: true } } : {}),
      });
      expect([method, gone.status, await gone.text()]).toEqual([method, 404, "The requested resource was not found."]);
      const malformed = await t.api("/webhooks/not-an-id", { method });
      expect([method, malformed.status, await malformed.text()]).toEqual([method, 400, "invalid id"]);
    }
  });

  it("switches a webhook Trello deactivated back on with PUT active=true, its failure count started afresh", async () => {
    t.sim.configureWebhookDelivery({ deactivateAfterFailures: 2, deactivateAfterMs: 0, retryDelaysMs: [5, 5, 5] });
    const { board, todo } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    receiver.script = Array(4).fill({ status: 503 });
    t.sim.createCard(todo.id, { name: "Down" });
    await t.sim.idle();
    const off = (await (await t.api(`/webhooks/${webhook.id}`)).json()) as Record<string, unknown>;
    expect(off).toMatchObject({ active: false, consecutiveFailures: 2, firstConsecutiveFailDate: expect.any(String) });
    const on = await (await t.api(`/webhooks/${webhook.id}`, { method: "PUT", body: { active: true } })).json();
    expect(on).toEqual({ ...off, active: true, consecutiveFailures: 0, firstConsecutiveFailDate: null });
    t.sim.createCard(todo.id, { name: "Back" });
    await t.sim.idle();
    expect(receiver.deliveries.at(-1)!.json.action.data.card.name).toBe("Back");
  });

  it("hides a webhook from other tokens", async () => {
    const { board } = seedBoard(t.sim);
    const { body: webhook } = await createWebhook(board.id);
    const other = t.sim.createMember({ fullName: "Someone Else" });
    const res = await t.api(`/webhooks/${webhook.id}`, { token: other.token });
    expect([res.status, await res.text()]).toEqual([401, "unauthorized permission requested"]);
  });
});
