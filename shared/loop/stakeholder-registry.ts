import type { LoopRead } from "./read-loop-record";
import { INITIATION_ITEMS, type Stakeholder } from "./stakeholder";
import { stakeholderStatus, type StakeholderStatus } from "./stakeholder-status";
import { stakeholderUpdateState, type UpdateState } from "./stakeholder-update-state";

export type RegistryEntry<C> =
  | {
      kind: "ok";
      card: C;
      stakeholder: Stakeholder;
      /** The status in force today: an escalation resolved by today no longer counts (stakeholderStatus). */
      status: StakeholderStatus;
      update: UpdateState;
      /** The log could not be read: the update state is computed as if there were none. */
      logError?: string;
      /** Initiation items still open, as their labels. */
      openInitiation: string[];
    }
  | { kind: "invalid"; card: C; message: string };

export interface StakeholderReads {
  stakeholder?: LoopRead<"stakeholder">;
  log?: LoopRead<"log">;
}

/** The name an entry is listed under: the stakeholder's, or the card's when the record cannot be read. */
export function registryName<C extends { name: string }>(entry: RegistryEntry<C>): string {
  return entry.kind === "ok" ? entry.stakeholder.name : entry.card.name;
}

/**
 * Every stakeholder card (valid or not) with its update state on `today` in the board's zone, sorted by name: the
 * registry the Power-Up shows from pluginData and the service answers from its store.
 */
export function stakeholderRegistry<C extends { id: string; name: string }>(
  cards: readonly C[],
  readsOf: (card: C) => StakeholderReads | undefined,
  today: string,
  timeZone: string,
): RegistryEntry<C>[] {
  const entries: RegistryEntry<C>[] = [];
  for (const card of cards) {
    const reads = readsOf(card);
    const read = reads?.stakeholder;
    if (!read || read.status === "absent") continue;
    if (read.status === "invalid") {
      entries.push({ kind: "invalid", card, message: read.message });
      continue;
    }
    const log = reads.log;
    const openInitiation = (Object.keys(INITIATION_ITEMS) as (keyof typeof INITIATION_ITEMS)[])
      .filter((item) => !read.value.initiation[item])
      .map((item) => INITIATION_ITEMS[item]);
    entries.push({
      kind: "ok",
      card,
      stakeholder: read.value,
      status: stakeholderStatus(read.value, today),
      update: stakeholderUpdateState(read.value, log?.status === "ok" ? log.value : undefined, today, timeZone),
      logError: log?.status === "invalid" ? log.message : undefined,
      openInitiation,
    });
  }
  return entries.sort((a, b) => registryName(a).localeCompare(registryName(b)));
}
