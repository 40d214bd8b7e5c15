import request from "supertest";
import { createTestApp, dumpStore, TEST_SECRET, type TestApp } from "../../support/test-app";
import { trelloSign } from "../../support/sign";
import { allDeliveries, envelope, fixtureBytes, MALFORMED_FIXTURE } from "../../support/trello-fixtures";

const FULL_ENVELOPE = "webhook__updateCard-moveList__2024__aruturu24-full-envelope.json";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

function cardRow(id: string) {
  return t.db.prepare("SELECT * FROM cards WHERE id = ?").get(id) as Record<string, unknown> | undefined;
}

describe("HEAD /webhooks/trello", () => {
  it("answers 200 so Trello can register the webhook", async () => {
    await request(t.app).head("/webhooks/trello").expect(200);
  });
});

describe("POST /webhooks/trello with real deliveries", () => {
  const deliveries = allDeliveries();

  it("has real fixtures of every kind to deliver", () => {
    expect(deliveries.length).toBeGreaterThan(100);
  });

  it.each(deliveries.map((d) => [d.name, d] as const))("accepts and stores %s", async (_name, delivery) => {
    const res = await t.deliver(delivery.body).expect(200);
    expect(res.body).toEqual({ received: true, actionId: delivery.action.id, duplicate: false });
    const row = t.db
      .prepare("SELECT type, board_id, card_id, raw FROM actions WHERE id = ?")
      .get(delivery.action.id) as any;
    expect(row.type).toBe(delivery.action.type);
    expect(JSON.parse(row.raw)).toEqual(delivery.action);
    if (delivery.action.data.board) expect(row.board_id).toBe(delivery.action.data.board.id);
    const card = delivery.action.data.card;
    if (card) {
      const stored = cardRow(card.id)!;
      expect(stored).toBeDefined();
      if (card.name) expect(stored.name).toBe(card.name);
      if (delivery.action.type === "deleteCard") expect(stored.deleted).toBe(1);
    }
  });

  it("applies a list move from the full 2024 envelope to the card's state", async () => {
    await t.deliver(fixtureBytes(FULL_ENVELOPE)).expect(200);
    expect(cardRow("65a7ca83c7532e93d9e8d1ec")).toMatchObject({
      board_id: "64a71f6e0d329c0520180a2b",
      list_id: "64be843f7d08746f0889d06c",
      name: "Juliana Sampaio Santos - Problemas com o computador",
      id_short: 680,
      short_link: "St3ygCzQ",
    });
    const lists = t.db.prepare("SELECT id, name FROM lists ORDER BY id").all();
    expect(lists).toEqual([
      { id: "64bab42b6601e484fcdd54ca", name: "Chamados" },
      { id: "64be843f7d08746f0889d06c", name: "Chamados Realizados" },
    ]);
    expect(t.store.boards.get("64a71f6e0d329c0520180a2b")?.fields.name).toBe("Pendências");
  });

  it("archives, renames and deletes cards as the actions say", async () => {
    await t.deliver(fixtureBytes("webhook__updateCard-old-closed__2016__zulip.json")).expect(200);
    const archived = JSON.parse(fixtureBytes("webhook__updateCard-old-closed__2016__zulip.json").toString()).action.data
      .card;
    expect(cardRow(archived.id)).toMatchObject({ closed: 1 });

    await t.deliver(envelope(fixtureBytes("webhook-action-only__fiatjaf__card-name.json"))).expect(200);
    expect(cardRow("55130bdb964da5dac6c3eab3")).toMatchObject({
      name: "instructions -",
      list_id: "551307e6aebc354b0915fbe8",
    });

    const deleted = JSON.parse(fixtureBytes("webhook-action-only__fiatjaf__card-delete.json").toString());
    await t.deliver(envelope(fixtureBytes("webhook-action-only__fiatjaf__card-delete.json"))).expect(200);
    expect(cardRow(deleted.data.card.id)).toMatchObject({ deleted: 1 });
  });

  it("moves a card to this board on moveCardToBoard", async () => {
    const action = JSON.parse(fixtureBytes("webhook-action-only__fiatjaf__card-movetoboard.json").toString());
    await t.deliver(envelope(fixtureBytes("webhook-action-only__fiatjaf__card-movetoboard.json"))).expect(200);
    expect(cardRow(action.data.card.id)).toMatchObject({
      board_id: action.data.board.id,
      list_id: action.data.list.id,
      closed: 0,
      deleted: 0,
    });
  });

  it("reads the member of addMemberToCard in both the old and the new shape", async () => {
    const old = JSON.parse(fixtureBytes("webhook-action-only__fiatjaf__card-addmember.json").toString());
    await t.deliver(envelope(fixtureBytes("webhook-action-only__fiatjaf__card-addmember.json"))).expect(200);
    expect(t.store.cardMembers.memberIds(old.data.card.id)).toEqual([old.member.id]);
    expect(t.store.members.get(old.member.id)?.fields).toMatchObject({ username: "refbot", fullName: "refbot" });

    const modern = allDeliveries().find((d) => d.action.type === "addMemberToCard" && d.action.data.member)!;
    await t.deliver(modern.body).expect(200);
    expect(t.store.cardMembers.memberIds(modern.action.data.card.id)).toEqual([modern.action.data.member.id]);
  });

  it("stores a signed delivery for a board it has never seen", async () => {
    const body = fixtureBytes("webhook__createCard__2020__actionsflow-readme.json");
    const boardId = JSON.parse(body.toString()).action.data.board.id;
    expect(t.store.boards.get(boardId)).toBeUndefined();
    await t.deliver(body).expect(200);
    expect(t.store.boards.get(boardId)).toBeDefined();
  });

  it("accepts a non-ASCII body signed over its UTF-8 bytes", async () => {
    const body = envelope(fixtureBytes("webhook-action-only__fiatjaf__card-addmember.json"));
    expect(body.toString("utf8")).toContain("crianças");
    await t.deliver(body).expect(200);
    const latin1Signature = trelloSign(
      Buffer.from(body.toString("utf8"), "latin1"),
      t.config.webhookCallbackUrl,
      TEST_SECRET,
    );
    const other = envelope(fixtureBytes("webhook-action-only__fiatjaf__card-create.json"));
    await t.deliver(other, { signature: latin1Signature }).expect(401);
  });

  it("answers a second copy of a delivery with 200 and stores it once", async () => {
    const body = fixtureBytes(FULL_ENVELOPE);
    await t.deliver(body).expect(200);
    const before = dumpStore(t.db);
    const res = await t.deliver(body).expect(200);
    expect(res.body.duplicate).toBe(true);
    expect(dumpStore(t.db)).toEqual(before);
    expect(t.store.actions.count()).toBe(1);
  });
});

describe("POST /webhooks/trello refusals", () => {
  const body = fixtureBytes(FULL_ENVELOPE);

  async function expectRefused(req: request.Test, status: number, code: string) {
    const before = dumpStore(t.db);
    const res = await req.expect(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(dumpStore(t.db)).toEqual(before);
  }

  beforeEach(async () => {
    // Something already stored, which no refused request may change.
    await t.deliver(fixtureBytes("webhook__createCard__2014__django-trello-webhooks.json")).expect(200);
  });

  it("refuses an unsigned delivery with 401", async () => {
    await expectRefused(t.deliver(body, { signature: null }), 401, "SIGNATURE_MISSING");
  });

  it("refuses a forged signature with 401", async () => {
    await expectRefused(
      t.deliver(body, { signature: trelloSign(body, t.config.webhookCallbackUrl, "not-the-secret") }),
      401,
      "SIGNATURE_INVALID",
    );
  });

  it("refuses a truncated signature with 401", async () => {
    const good = trelloSign(body, t.config.webhookCallbackUrl, TEST_SECRET);
    await expectRefused(t.deliver(body, { signature: good.slice(0, 27) }), 401, "SIGNATURE_INVALID");
  });

  it("refuses a delivery re-signed for another callback URL with 401", async () => {
    const signature = trelloSign(body, "https://loop.example.test/webhooks/trello/", TEST_SECRET);
    await expectRefused(t.deliver(body, { signature }), 401, "SIGNATURE_INVALID");
  });

  it("refuses a body changed after signing with 401", async () => {
    const signature = trelloSign(body, t.config.webhookCallbackUrl, TEST_SECRET);
    const tampered = Buffer.from(body.toString("utf8").replace("Chamados Realizados", "Chamados Realizadas"));
    await expectRefused(t.deliver(tampered, { signature }), 401, "SIGNATURE_INVALID");
  });

  it("refuses a signed body that is not JSON with 400", async () => {
    await expectRefused(t.deliver("this is not json"), 400, "INVALID_JSON");
  });

  it("refuses a signed body that is not UTF-8 with 400", async () => {
    await expectRefused(t.deliver(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400, "INVALID_JSON");
  });

  it("refuses signed JSON that is not an action delivery with 400, naming the field", async () => {
    const res = await t.deliver(JSON.stringify({ model: { id: "b" } })).expect(400);
    expect(res.body.error).toEqual({ code: "INVALID_PAYLOAD", message: expect.stringContaining("action") });
    await expectRefused(t.deliver("[1,2,3]"), 400, "INVALID_PAYLOAD");
  });

  it("refuses the hand-edited custom-field action (no type, no date) with 400", async () => {
    const res = await t.deliver(envelope(fixtureBytes(MALFORMED_FIXTURE))).expect(400);
    expect(res.body.error.message).toMatch(/action\.(type|date)/);
    expect(t.store.actions.count()).toBe(1);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const action = JSON.parse(body.toString()).action;
    const huge = JSON.stringify({
      action: { ...action, data: { ...action.data, text: "x".repeat(1024 * 1024) } },
      model: { id: "m" },
    });
    await expectRefused(t.deliver(huge), 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers 500 when the store fails, so Trello retries, and keeps what was stored", async () => {
    t.db.exec("CREATE TRIGGER fail_insert BEFORE INSERT ON actions BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expectRefused(t.deliver(body), 500, "STORE_FAILED");
    t.db.exec("DROP TRIGGER fail_insert");
    await t.deliver(body).expect(200);
    expect(t.store.actions.count()).toBe(2);
  });

  it("rolls back a half-applied action when state cannot be written", async () => {
    t.db.exec("CREATE TRIGGER fail_card BEFORE INSERT ON cards BEGIN SELECT RAISE(ABORT, 'boom'); END");
    await expectRefused(t.deliver(body), 500, "STORE_FAILED");
    expect(t.store.actions.count()).toBe(1);
  });
});

describe("POST /webhooks/trello without a secret", () => {
  it("refuses every delivery and stores nothing", async () => {
    const demo = createTestApp({ TRELLO_API_KEY: "", TRELLO_API_SECRET: "" });
    try {
      const res = await demo.deliver(fixtureBytes(FULL_ENVELOPE)).expect(503);
      expect(res.body.error.code).toBe("WEBHOOKS_NOT_CONFIGURED");
      expect(demo.store.actions.count()).toBe(0);
    } finally {
      demo.close();
    }
  });
});
