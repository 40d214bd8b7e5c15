import { allParties, boardParties, defaultParty, sameParty } from "../../shared/loop/parties";
import { stakeholdersOf, type BoardRecords } from "../lib/board-records";
import { selectField, type Choice } from "./form-fields";

/** The board's parties: the organisations of its client and partner stakeholders. */
export function partiesOf(board: BoardRecords) {
  return boardParties(stakeholdersOf(board).map(({ stakeholder }) => stakeholder));
}

/**
 * A select of the board's parties for a record that belongs to one (invoice, scope decision, agreement). A new record
 * starts with the board's only party; a record saved before parties existed shows who it counts for until it is saved.
 */
export function partyField(
  board: BoardRecords,
  saved: string | undefined,
  isNew: boolean,
  label = "Party",
): HTMLElement {
  const parties = partiesOf(board);
  const owner = defaultParty(parties);
  const names = allParties(parties);
  const choices: Choice[] = [
    { value: "", label: owner ? `Not named (counts for ${owner})` : "Not named (internal reports only)" },
  ];
  for (const name of names)
    choices.push({
      value: name,
      label:
        parties.partner.includes(name) && !parties.client.includes(name) ? `${name} (partner)` : `${name} (client)`,
    });
  const current = saved ? (names.find((n) => sameParty(n, saved)) ?? saved) : isNew ? (owner ?? "") : "";
  // A party no stakeholder names any more stays choosable, so saving the form does not silently drop it.
  if (current && !names.includes(current))
    choices.push({ value: current, label: `${current} (no stakeholder names it)` });
  return selectField(label, "party", choices, current);
}
