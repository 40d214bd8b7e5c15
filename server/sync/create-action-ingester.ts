import type { ActionSource } from "../store/actions-store";
import type { Store } from "../store/create-store";
import type { TrelloAction } from "../trello/trello-action-schema";
import { applyObservations } from "./apply-observations";
import { observeAction } from "./observe-action";
import { toActionRow } from "./to-action-row";

export interface IngestContext {
  /** Board the action belongs to when its data names none (the webhook's model, the board being backfilled). */
  fallbackBoardId: string;
  source: ActionSource;
}

export type IngestAction = (action: TrelloAction, rawJson: string, context: IngestContext) => { duplicate: boolean };

/**
 * Stores an action keyed by its id and folds it into current state, in one transaction: an action is
 * either fully applied or not at all, and a second copy of it changes nothing.
 */
export function createActionIngester(store: Store): IngestAction {
  return store.db.transaction((action: TrelloAction, rawJson: string, context: IngestContext) => {
    const row = toActionRow(action, rawJson, { ...context, receivedAt: new Date().toISOString() });
    if (!store.actions.insert(row)) return { duplicate: true };
    applyObservations(store, observeAction(action, context.fallbackBoardId));
    return { duplicate: false };
  });
}
