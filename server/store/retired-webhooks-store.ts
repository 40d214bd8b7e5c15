import type { Db } from "./open-database";

export interface RetiredWebhooksStore {
  retire(webhookId: string, boardId: string): void;
  /** Takes a webhook back into use (a board reconnected through it). */
  restore(webhookId: string): void;
  isRetired(webhookId: string): boolean;
}

/**
 * The retired ids, per connection: every delivery asks, the table is almost always empty, and only this
 * process's retire/restore change it, so a query per delivery would be spent learning nothing. Shared by
 * every store over the same connection; dropped on each change and read again on the next question.
 */
const cacheByDb = new WeakMap<Db, { ids: Set<string> | undefined }>();

/** SQL for the retired_webhooks table. */
export function createRetiredWebhooksStore(db: Db): RetiredWebhooksStore {
  const insert = db.prepare(
    "INSERT OR REPLACE INTO retired_webhooks (webhook_id, board_id, retired_at) VALUES (?, ?, ?)",
  );
  const remove = db.prepare("DELETE FROM retired_webhooks WHERE webhook_id = ?");
  const all = db.prepare("SELECT webhook_id FROM retired_webhooks").pluck();
  let cache = cacheByDb.get(db);
  if (!cache) cacheByDb.set(db, (cache = { ids: undefined }));
  const shared = cache;
  return {
    retire(webhookId, boardId) {
      insert.run(webhookId, boardId, new Date().toISOString());
      shared.ids = undefined;
    },
    restore(webhookId) {
      remove.run(webhookId);
      shared.ids = undefined;
    },
    isRetired(webhookId) {
      shared.ids ??= new Set(all.all() as string[]);
      return shared.ids.has(webhookId);
    },
  };
}
