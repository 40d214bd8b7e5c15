import { INITIATION_ITEMS, type Stakeholder } from "../../shared/loop/stakeholder";
import { stakeholderUpdateState, type UpdateState } from "../../shared/loop/stakeholder-update-state";
import type { BoardCard, BoardRecords } from "../lib/board-records";

export type RegistryRow =
  | {
      kind: "ok";
      card: BoardCard;
      stakeholder: Stakeholder;
      update: UpdateState;
      /** The log could not be read: the update state is computed as if there were none. */
      logError?: string;
      /** Initiation items still open, as their labels. */
      openInitiation: string[];
    }
  | { kind: "invalid"; card: BoardCard; message: string };

/** Every stakeholder card of the board (valid or not) with its update state on the board's today, sorted by name. */
export function registryRows(board: BoardRecords): RegistryRow[] {
  const rows: RegistryRow[] = [];
  for (const card of board.cards) {
    const records = board.records.get(card.id);
    const read = records?.stakeholder;
    if (!read || read.status === "absent") continue;
    if (read.status === "invalid") {
      rows.push({ kind: "invalid", card, message: read.message });
      continue;
    }
    const log = records.log;
    const update = stakeholderUpdateState(read.value, log?.status === "ok" ? log.value : undefined, board.today, board.timeZone);
    const openInitiation = (Object.keys(INITIATION_ITEMS) as (keyof typeof INITIATION_ITEMS)[])
      .filter((item) => !read.value.initiation[item])
      .map((item) => INITIATION_ITEMS[item]);
    rows.push({
      kind: "ok",
      card,
      stakeholder: read.value,
      update,
      logError: log?.status === "invalid" ? log.message : undefined,
      openInitiation,
    });
  }
  return rows.sort((a, b) => rowName(a).localeCompare(rowName(b)));
}

/** The name a row is listed under: the stakeholder's, or the card's when the record cannot be read. */
export function rowName(row: RegistryRow): string {
  return row.kind === "ok" ? row.stakeholder.name : row.card.name;
}
