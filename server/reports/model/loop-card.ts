import type { LoopKey, LoopValue } from "../../../shared/loop/loop-records";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";

/** A card with Loop data, as a report sees it: as it stood at the end of the report's month. */
export interface LoopCard {
  id: string;
  /** The card's name (or a stand-in when the card has not been synced). */
  name: string;
  /** Archived or deleted on Trello. */
  archived: boolean;
  /** The card's shared Loop data by key. */
  data: Record<string, unknown>;
  /** When the card last entered a done list (ms), if it sits in one at the report's instant. */
  enteredDoneMs?: number;
}

/** The cards whose record under `key` reads as valid, with that record; invalid records are left out of reports. */
export function validRecords<K extends LoopKey>(
  cards: readonly LoopCard[],
  key: K,
): { card: LoopCard; value: LoopValue<K> }[] {
  const found: { card: LoopCard; value: LoopValue<K> }[] = [];
  for (const card of cards) {
    const read = readLoopRecord(key, card.data[key]);
    if (read.status === "ok") found.push({ card, value: read.value });
  }
  return found;
}
