import { logEntrySchema } from "../../shared/loop/communication-log";
import { LOOP_RECORDS } from "../../shared/loop/loop-records";
import type { Store } from "../store/create-store";
import { historyKey } from "../store/loop-history-store";
import { boardLoopData } from "./board-loop-data";

/** JSON with object keys sorted, so the same record read twice compares equal whatever order Trello sent it in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function loopRecordsOf(data: Record<string, unknown>): Map<string, string> {
  const records = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    if (Object.hasOwn(LOOP_RECORDS, key) && value !== undefined && value !== null)
      records.set(key, canonicalJson(value));
  }
  return records;
}

function recordUpdates(store: Store, boardId: string, cardId: string, log: unknown): void {
  const entries = (log as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return;
  for (const raw of entries) {
    // Entry by entry: one malformed entry must not cost the others their place in the history.
    const entry = logEntrySchema.safeParse(raw);
    if (entry.success) store.loopHistory.upsertUpdate({ boardId, cardId, ...entry.data });
  }
}

/**
 * Appends a version for every Loop record of the model (or of the whole board, `"all"`) whose value differs from the
 * last one kept, a null version for a record that is gone, and keeps every stakeholder update seen. Call it in the
 * transaction that wrote the pluginData, so history and current values never disagree.
 */
export function recordLoopHistory(store: Store, boardId: string, idModel: string | "all", seenAt: string): void {
  const data = boardLoopData(store, boardId);
  const current = new Map<string, Map<string, string>>();
  if (idModel === "all" || idModel === boardId) current.set(boardId, loopRecordsOf(data.board));
  for (const [cardId, cardData] of data.cards) {
    if (idModel === "all" || idModel === cardId) current.set(cardId, loopRecordsOf(cardData));
  }
  const latest = store.loopHistory.latestValues(boardId);
  const inScope = (model: string) => idModel === "all" || model === idModel;
  for (const [model, records] of current) {
    for (const [key, value] of records) {
      if (latest.get(historyKey(model, key)) !== value)
        store.loopHistory.appendVersion({ boardId, idModel: model, key, value, seenAt });
      if (key === "log" && model !== boardId) recordUpdates(store, boardId, model, JSON.parse(value));
    }
  }
  for (const [mapKey, value] of latest) {
    const [model, key] = mapKey.split("\u0000") as [string, string];
    if (value !== null && inScope(model) && !current.get(model)?.has(key)) {
      store.loopHistory.appendVersion({ boardId, idModel: model, key, value: null, seenAt });
    }
  }
}
