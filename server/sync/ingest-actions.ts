import type { Store } from "../store/create-store";
import type { ActionSource } from "../store/actions-store";
import type { TrelloAction } from "../trello/trello-action-schema";
import { applyObservations } from "./apply-observations";
import { observeAction, type ActionObservations } from "./observe-action";
import { toActionRow } from "./to-action-row";

export interface IngestContext {
  /** Board the action belongs to when its data names none (the webhook's model, the board being backfilled). */
  fallbackBoardId: string;
  source: ActionSource;
}

export interface IngestItem {
  action: TrelloAction;
  /** The action's JSON as received, for the actions table. */
  rawJson: string;
  context: IngestContext;
}

export interface IngestResult {
  /** The action id was already stored: nothing changed. */
  duplicate: boolean;
}

/**
 * Stores actions keyed by id and folds the new ones into current state, batched: each entity is read and
 * written once for the whole batch. Call inside a transaction, so the batch is applied whole or not at all.
 */
export function ingestActions(store: Store, items: readonly IngestItem[]): IngestResult[] {
  const receivedAt = new Date().toISOString();
  const observations: ActionObservations[] = [];
  const results = items.map(({ action, rawJson, context }): IngestResult => {
    if (!store.actions.insert(toActionRow(action, rawJson, { ...context, receivedAt }))) return { duplicate: true };
    observations.push(observeAction(action, context.fallbackBoardId));
    return { duplicate: false };
  });
  applyObservations(store, observations);
  return results;
}
