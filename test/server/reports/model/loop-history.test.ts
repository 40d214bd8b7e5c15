import { refreshPluginData } from "../../../../server/api/refresh-plugin-data";
import { createTokenCipher } from "../../../../server/auth/token-cipher";
import { recordLoopHistory } from "../../../../server/loop/record-loop-history";
import type { TrelloClient } from "../../../../server/trello/create-trello-client";
import { historyKey } from "../../../../server/store/loop-history-store";
import { LoopBoard, PLUGIN_ID } from "./loop-board";

let b: LoopBoard;
beforeEach(() => {
  b = new LoopBoard();
});
afterEach(() => b.close());

const CARD = "65f000000000000000000a01";
const OTHER = "65f000000000000000000a02";

function stakeholder(buyIn: string) {
  return {
    v: 1,
    name: "Alice Client",
    type: "client",
    influence: "high",
    interest: "high",
    channel: "email",
    cadenceDays: 14,
    buyIn,
    status: "active",
    initiation: { platform: true, roles: true, reviews: true, scope: true },
  };
}

function versions(idModel: string, key: string): (string | null)[] {
  return (
    b.store.db
      .prepare("SELECT value FROM loop_record_versions WHERE board_id = ? AND id_model = ? AND key = ? ORDER BY seq")
      .pluck()
      .all(b.boardId, idModel, key) as (string | null)[]
  ).map((v) => (v === null ? null : (JSON.parse(v) as { buyIn: string }).buyIn));
}

function entry(day: number) {
  const dd = String(day).padStart(2, "0");
  return { id: `entry${dd}aa`, at: `2026-03-${dd}T09:00:00.000Z`, channel: "email", summary: `Update ${dd}` };
}

describe("recordLoopHistory", () => {
  it("keeps an update on each card that carries it, when a copied card brings the same entry ids", () => {
    const log = { v: 1, entries: [entry(3)] };
    b.setLoopData(CARD, { log }, "2026-03-03T10:00:00.000Z");
    b.setLoopData(OTHER, { log }, "2026-03-04T10:00:00.000Z");
    b.setLoopData(CARD, { log }, "2026-03-05T10:00:00.000Z");
    expect(b.store.loopHistory.listUpdates(b.boardId).map((u) => [u.cardId, u.id])).toEqual([
      [CARD, entry(3).id],
      [OTHER, entry(3).id],
    ]);
  });

  it("appends a version only when a record's value changes, whatever order its keys arrive in", () => {
    b.setLoopData(CARD, { stakeholder: stakeholder("neutral") }, "2026-03-01T10:00:00.000Z");
    b.setLoopData(CARD, { stakeholder: stakeholder("neutral") }, "2026-03-02T10:00:00.000Z");
    const reordered = Object.fromEntries(Object.entries(stakeholder("neutral")).reverse());
    b.setLoopData(CARD, { stakeholder: reordered }, "2026-03-03T10:00:00.000Z");
    b.setLoopData(CARD, { stakeholder: stakeholder("supporter") }, "2026-03-04T10:00:00.000Z");
    b.setLoopData(CARD, { stakeholder: stakeholder("supporter") }, "2026-03-05T10:00:00.000Z");

    expect(versions(CARD, "stakeholder")).toEqual(["neutral", "supporter"]);
    const before = b.store.loopHistory.recordAt(b.boardId, CARD, "stakeholder", "2026-03-04T00:00:00.000Z");
    expect(JSON.parse(before!)).toMatchObject({ buyIn: "neutral" });
    // Before it was first seen, a record holds its first value: it counted all along.
    expect(
      JSON.parse(b.store.loopHistory.recordAt(b.boardId, CARD, "stakeholder", "2026-01-01T00:00:00.000Z")!),
    ).toMatchObject({ buyIn: "neutral" });
    expect(
      JSON.parse(b.store.loopHistory.recordAt(b.boardId, CARD, "stakeholder", "2026-03-31T00:00:00.000Z")!),
    ).toMatchObject({ buyIn: "supporter" });
  });

  it("appends a null version when a record is removed, and a new one when it comes back", () => {
    b.setLoopData(CARD, { stakeholder: stakeholder("neutral") }, "2026-03-01T10:00:00.000Z");
    b.setLoopData(CARD, {}, "2026-03-02T10:00:00.000Z");
    b.setLoopData(CARD, {}, "2026-03-03T10:00:00.000Z");
    b.setLoopData(CARD, { stakeholder: stakeholder("sceptic") }, "2026-03-04T10:00:00.000Z");

    expect(versions(CARD, "stakeholder")).toEqual(["neutral", null, "sceptic"]);
  });

  it("refreshing one card leaves the other cards' history alone", () => {
    b.setLoopData(CARD, { stakeholder: stakeholder("neutral") }, "2026-03-01T10:00:00.000Z");
    b.setLoopData(OTHER, { stakeholder: stakeholder("opponent") }, "2026-03-02T10:00:00.000Z");

    expect(versions(CARD, "stakeholder")).toEqual(["neutral"]);
    expect(versions(OTHER, "stakeholder")).toEqual(["opponent"]);
  });

  it("a full board read records removals across every card at once", () => {
    b.setLoopData(CARD, { stakeholder: stakeholder("neutral") }, "2026-03-01T10:00:00.000Z");
    b.setLoopData(OTHER, { stakeholder: stakeholder("opponent") }, "2026-03-01T10:00:00.000Z");
    const kept = [
      {
        id: "pd-other",
        idPlugin: PLUGIN_ID,
        scope: "card",
        idModel: OTHER,
        access: "shared",
        value: JSON.stringify({ stakeholder: stakeholder("opponent") }),
      },
    ];
    b.store.db.transaction(() => {
      b.store.pluginData.replaceBoard(b.boardId, kept, "2026-03-05T10:00:00.000Z");
      recordLoopHistory(b.store, b.boardId, "all", "2026-03-05T10:00:00.000Z");
    })();

    expect(versions(CARD, "stakeholder")).toEqual(["neutral", null]);
    expect(versions(OTHER, "stakeholder")).toEqual(["opponent"]);
    expect(b.store.loopHistory.latestValues(b.boardId).get(historyKey(CARD, "stakeholder"))).toBeNull();
  });

  it("keeps every update ever logged, after the card's log has dropped the oldest ones", () => {
    const days = Array.from({ length: 14 }, (_, i) => i + 1);
    // The card keeps the newest 12: two reads, the second after two more updates pushed the oldest two out.
    b.setLoopData(CARD, { log: { v: 1, entries: days.slice(0, 12).reverse().map(entry) } }, "2026-03-13T10:00:00.000Z");
    b.setLoopData(CARD, { log: { v: 1, entries: days.slice(2, 14).reverse().map(entry) } }, "2026-03-15T10:00:00.000Z");

    const updates = b.store.loopHistory.listUpdates(b.boardId);
    expect(updates.map((u) => u.summary)).toEqual(days.map((d) => `Update ${String(d).padStart(2, "0")}`));
    expect(updates.every((u) => u.cardId === CARD)).toBe(true);
  });

  it("is kept by the Power-Up's refresh, once per change", async () => {
    const list = b.story.createList("2026-03-01T09:00:00Z", "Stakeholders");
    const card = b.story.createCard("2026-03-01T09:00:00Z", list, "Alice");
    b.ingest();
    const cipher = createTokenCipher(Buffer.alloc(32, 7));
    const at = "2026-03-01T10:00:00.000Z";
    b.store.connections.save({
      boardId: b.boardId,
      memberId: "5e679b808e6e8828784b30e1",
      tokenSealed: cipher.encrypt("token"),
      webhookId: null,
      status: "ready",
      lastError: null,
      connectedAt: at,
      updatedAt: at,
    });
    let buyIn = "neutral";
    const client = {
      getCardPluginData: async () => [
        {
          id: "pd1",
          idPlugin: PLUGIN_ID,
          scope: "card",
          idModel: card.id,
          access: "shared",
          value: JSON.stringify({ stakeholder: stakeholder(buyIn), log: { v: 1, entries: [entry(3)] } }),
        },
      ],
    } as unknown as TrelloClient;
    await refreshPluginData({ client, store: b.store, cipher }, { boardId: b.boardId, idCard: card.id });
    await refreshPluginData({ client, store: b.store, cipher }, { boardId: b.boardId, idCard: card.id });
    buyIn = "champion";
    await refreshPluginData({ client, store: b.store, cipher }, { boardId: b.boardId, idCard: card.id });

    expect(versions(card.id, "stakeholder")).toEqual(["neutral", "champion"]);
    expect(b.store.loopHistory.listUpdates(b.boardId).map((u) => u.summary)).toEqual(["Update 03"]);
  });
});
