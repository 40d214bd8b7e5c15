import type { Store } from "../store/create-store";
import { mergeVersioned, type VersionedRecord } from "../store/merge-versioned";
import type { VersionedEntityStore } from "../store/versioned-entity-store";
import type { ActionObservations, Observation } from "./observe-action";

/** Each entity read once and written once per batch, however many of the batch's actions mention it. */
function applyTo<F>(table: VersionedEntityStore<F>, observations: Observation<F>[]): void {
  const merged = new Map<string, { record: VersionedRecord<F>; changed: boolean }>();
  for (const observation of observations) {
    const known = merged.get(observation.id);
    const { record, changed } = mergeVersioned(known ? known.record : table.get(observation.id), observation);
    merged.set(observation.id, { record, changed: changed || (known?.changed ?? false) });
  }
  for (const [id, { record, changed }] of merged) if (changed) table.save(id, record);
}

/** Folds a batch of actions' observations into the current-state tables. Call inside the transaction that stores them. */
export function applyObservations(store: Store, batch: ActionObservations[]): void {
  applyTo(
    store.boards,
    batch.flatMap((observations) => observations.boards),
  );
  applyTo(
    store.lists,
    batch.flatMap((observations) => observations.lists),
  );
  applyTo(
    store.cards,
    batch.flatMap((observations) => observations.cards),
  );
  applyTo(
    store.members,
    batch.flatMap((observations) => observations.members),
  );
  for (const observations of batch)
    for (const cardMember of observations.cardMembers) store.cardMembers.observe(cardMember);
}
