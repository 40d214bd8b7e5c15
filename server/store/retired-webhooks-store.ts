import type { Db } from "./open-database";

export interface RetiredWebhooksStore {
  retire(webhookId: string, boardId: string): void;
  /** Takes a webhook back into use (a board reconnected through it). */
  restore(webhookId: string): void;
  isRetired(webhookId: string): boolean;
}

/** SQL for the retired_webhooks table. */
export function createRetiredWebhooksStore(db: Db): RetiredWebhooksStore {
  const insert = db.prepare("INSERT OR REPLACE INTO retired_webhooks (webhook_id, board_id, retired_at) VALUES (?, ?, ?)");
  const remove = db.prepare("DELETE FROM retired_webhooks WHERE webhook_id = ?");
  const exists = db.prepare("SELECT 1 FROM retired_webhooks WHERE webhook_id = ?").pluck();
  return {
    retire: (webhookId, boardId) => void insert.run(webhookId, boardId, new Date().toISOString()),
    restore: (webhookId) => void remove.run(webhookId),
    isRetired: (webhookId) => exists.get(webhookId) !== undefined,
  };
}
