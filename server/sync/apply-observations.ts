import type { Store } from "../store/create-store";
import { mergeVersioned } from "../store/merge-versioned";
import type { VersionedEntityStore } from "../store/versioned-entity-store";
import type { ActionObservations, Observation } from "./observe-action";

function applyTo<F>(table: VersionedEntityStore<F>, observations: Observation<F>[]): void {
  for (const observation of observations) {
    const { record, changed } = mergeVersioned(table.get(observation.id), observation);
    if (changed) table.save(observation.id, record);
  }
}

/** Folds one action's observations into the current-state tables. Call inside the ingest transaction. */
export function applyObservations(store: Store, observations: ActionObservations): void {
  applyTo(store.boards, observations.boards);
  applyTo(store.lists, observations.lists);
  applyTo(store.cards, observations.cards);
  applyTo(store.members, observations.members);
  for (const cardMember of observations.cardMembers) store.cardMembers.observe(cardMember);
}
