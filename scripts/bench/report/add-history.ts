import type { Db } from "../../../server/store/open-database";
import { createStore } from "../../../server/store/create-store";
import { ingestActions, type IngestItem } from "../../../server/sync/ingest-actions";
import { trelloActionSchema } from "../../../server/trello/trello-action-schema";
import { createIdFactory } from "../../trello-sim/model/object-id";

const BATCH = 5_000;

/**
 * Adds history before `beforeMs` until the board holds `factor` times the actions it had, through the service's own
 * ingest path (`ingestActions`: the code that stores a backfill page or a group of webhooks and folds it into current state): the actions
 * before `beforeMs` are copied in turn with new ids, a few milliseconds after the original, so the board's earlier
 * months are that much busier while the month being reported is unchanged. Returns how many actions it added.
 */
export function addHistory(db: Db, boardId: string, beforeMs: number, factor: number): number {
  const store = createStore(db);
  const newId = createIdFactory();
  const templates = db
    .prepare("SELECT raw FROM actions WHERE board_id = ? AND date_ms < ? ORDER BY date_ms, id")
    .pluck()
    .all(boardId, beforeMs) as string[];
  const parsed = templates.map((raw) => trelloActionSchema.parse(JSON.parse(raw)));
  const total = db.prepare("SELECT count(*) FROM actions WHERE board_id = ?").pluck().get(boardId) as number;
  const wanted = (factor - 1) * total;
  // Template i gets its even share of the copies wanted (all get the same number, give or take one).
  const copiesOf = (i: number) =>
    Math.floor(((i + 1) * wanted) / parsed.length) - Math.floor((i * wanted) / parsed.length);
  let added = 0;
  // One transaction per batch, as a backfill page is stored: the disk is synced per batch, not per action.
  const insertBatch = db.transaction((from: number, to: number) => {
    const items: IngestItem[] = [];
    for (let i = from; i < to; i += 1) {
      const template = parsed[i]!;
      for (let copy = 1; copy <= copiesOf(i); copy += 1) {
        const at = Date.parse(template.date) + copy;
        if (at >= beforeMs) continue;
        const action = { ...template, id: newId(at), date: new Date(at).toISOString() };
        items.push({
          action,
          rawJson: JSON.stringify(action),
          context: { fallbackBoardId: boardId, source: "backfill" },
        });
      }
    }
    added += ingestActions(store, items).filter((result) => !result.duplicate).length;
  });
  for (let from = 0; from < parsed.length; from += BATCH) insertBatch(from, Math.min(parsed.length, from + BATCH));
  return added;
}
