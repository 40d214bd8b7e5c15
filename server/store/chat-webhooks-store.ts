import type { Db } from "./open-database";

export interface ChatWebhooksStore {
  /** The stakeholder's sealed webhook URL (see auth/token-cipher), if one was set. */
  getSealed(boardId: string, cardId: string): string | undefined;
  /** Which of a board's stakeholder cards have a webhook URL set. */
  cardsWithWebhook(boardId: string): Set<string>;
  save(boardId: string, cardId: string, urlSealed: string, setBy: string, now: Date): void;
  remove(boardId: string, cardId: string): void;
  /** Every stored URL, sealed (key rotation). */
  allSealed(): { boardId: string; cardId: string; urlSealed: string }[];
  /** Replaces a URL's sealed form (key rotation), leaving the rest as it was. */
  setSealed(boardId: string, cardId: string, urlSealed: string): void;
}

/** SQL for the chat_webhooks table. */
export function createChatWebhooksStore(db: Db): ChatWebhooksStore {
  const select = db.prepare("SELECT url_sealed FROM chat_webhooks WHERE board_id = ? AND card_id = ?").pluck();
  const cards = db.prepare("SELECT card_id FROM chat_webhooks WHERE board_id = ?").pluck();
  const upsert = db.prepare(
    `INSERT INTO chat_webhooks (board_id, card_id, url_sealed, set_by, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (board_id, card_id) DO UPDATE SET url_sealed = excluded.url_sealed, set_by = excluded.set_by, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare("DELETE FROM chat_webhooks WHERE board_id = ? AND card_id = ?");
  const all = db.prepare(
    "SELECT board_id AS boardId, card_id AS cardId, url_sealed AS urlSealed FROM chat_webhooks ORDER BY board_id, card_id",
  );
  const reseal = db.prepare("UPDATE chat_webhooks SET url_sealed = ? WHERE board_id = ? AND card_id = ?");
  return {
    getSealed: (boardId, cardId) => select.get(boardId, cardId) as string | undefined,
    cardsWithWebhook: (boardId) => new Set(cards.all(boardId) as string[]),
    save(boardId, cardId, urlSealed, setBy, now) {
      upsert.run(boardId, cardId, urlSealed, setBy, now.toISOString());
    },
    remove(boardId, cardId) {
      remove.run(boardId, cardId);
    },
    allSealed: () => all.all() as { boardId: string; cardId: string; urlSealed: string }[],
    setSealed(boardId, cardId, urlSealed) {
      reseal.run(urlSealed, boardId, cardId);
    },
  };
}
