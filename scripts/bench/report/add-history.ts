import type { Db } from "../../../server/store/open-database";
import { createStore } from "../../../server/store/create-store";
import { createActionIngester } from "../../../server/sync/create-action-ingester";
import { trelloActionSchema } from "../../../server/trello/trello-action-schema";
import { createIdFactory } from "../../trello-sim/model/object-id";

const BATCH = 5_000;

/**
 * Multiplies a board's history before `beforeMs` by `factor` through the service's own ingest path (the code that
 * stores a webhook or backfilled action and folds it into current state): each stored action gets `factor - 1`
 * copies with new ids, a few milliseconds after it, so the board's earlier months are that much busier while the
 * month being reported is unchanged. Returns how many actions it added.
 */
export function addHistory(db: Db, boardId: string, beforeMs: number, factor: number): number {
  const store = createStore(db);
  const ingest = createActionIngester(store);
  const newId = createIdFactory();
  const templates = db
    .prepare("SELECT raw FROM actions WHERE board_id = ? AND date_ms < ? ORDER BY date_ms, id")
    .pluck()
    .all(boardId, beforeMs) as string[];
  const parsed = templates.map((raw) => trelloActionSchema.parse(JSON.parse(raw)));
  let added = 0;
  // One transaction per batch (the ingester's own becomes a savepoint): the disk is synced per batch, not per action.
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let copy = 1; copy < factor; copy += 1) {
      for (let i = from; i < to; i += 1) {
        const template = parsed[i]!;
        const at = Date.parse(template.date) + copy;
        if (at >= beforeMs) continue;
        const action = { ...template, id: newId(at), date: new Date(at).toISOString() };
        if (!ingest(action, JSON.stringify(action), { fallbackBoardId: boardId, source: "backfill" }).duplicate) added += 1;
      }
    }
  });
  for (let from = 0; from < parsed.length; from += BATCH) insertBatch(from, Math.min(parsed.length, from + BATCH));
  return added;
}
