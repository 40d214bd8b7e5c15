import { stakeholderRegistry, type RegistryEntry } from "../../shared/loop/stakeholder-registry";
import type { BoardCard, BoardRecords } from "../lib/board-records";

export type RegistryRow = RegistryEntry<BoardCard>;

/** Every stakeholder card of the board (valid or not) with its update state on the board's today, sorted by name. */
export function registryRows(board: BoardRecords): RegistryRow[] {
  return stakeholderRegistry(board.cards, (card) => board.records.get(card.id), board.today, board.timeZone);
}
