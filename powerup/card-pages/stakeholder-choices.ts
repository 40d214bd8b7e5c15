import { stakeholdersOf, type BoardRecords } from "../lib/board-records";
import type { Choice } from "./form-fields";

/** The board's stakeholders as choices ("Name (Organisation)"), leaving out the card the page is for. */
export function stakeholderChoices(board: BoardRecords, exceptCardId?: string): Choice[] {
  return stakeholdersOf(board)
    .filter(({ card }) => card.id !== exceptCardId)
    .map(({ card, stakeholder }) => ({
      value: card.id,
      label: stakeholder.org ? `${stakeholder.name} (${stakeholder.org})` : stakeholder.name,
    }));
}

/** A choice for someone a record names who is no longer a stakeholder, so a save never drops them silently. */
export function formerStakeholderChoice(board: BoardRecords, id: string): Choice {
  const card = board.cards.find((c) => c.id === id);
  return { value: id, label: card ? `${card.name} (no longer a stakeholder)` : "Removed stakeholder card" };
}

/** A stakeholder's display name by card id: its record's name, else the card's name, else a note that it is gone. */
export function stakeholderName(board: BoardRecords, id: string): string {
  const read = board.records.get(id)?.stakeholder;
  if (read?.status === "ok") return read.value.name;
  return board.cards.find((c) => c.id === id)?.name ?? "(stakeholder removed)";
}

/** A member's full name by id. */
export function memberName(board: BoardRecords, id: string): string {
  return board.members.find((m) => m.id === id)?.fullName ?? "a former board member";
}
