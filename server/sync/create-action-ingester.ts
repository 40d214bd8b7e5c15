import type { Store } from "../store/create-store";
import type { TrelloAction } from "../trello/trello-action-schema";
import { ingestActions, type IngestContext, type IngestItem, type IngestResult } from "./ingest-actions";

export type { IngestContext, IngestItem, IngestResult };

export type IngestAction = (action: TrelloAction, rawJson: string, context: IngestContext) => IngestResult;
export type IngestBatch = (items: readonly IngestItem[]) => IngestResult[];

/**
 * Stores an action keyed by its id and folds it into current state, in one transaction: an action is
 * either fully applied or not at all, and a second copy of it changes nothing.
 */
export function createActionIngester(store: Store): IngestAction {
  const batch = createBatchIngester(store);
  return (action, rawJson, context) => batch([{ action, rawJson, context }])[0]!;
}

/** Stores a batch of actions in one transaction (one commit, one disk sync), each new one folded into current state. */
export function createBatchIngester(store: Store): IngestBatch {
  return store.db.transaction((items: readonly IngestItem[]) => ingestActions(store, items));
}
