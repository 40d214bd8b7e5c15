import { partyOf, sameParty, type BoardParties } from "../../../shared/loop/parties";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import type { LoopCard } from "./loop-card";

/** Whether a card's record under `key` belongs to the party (records that cannot be read belong to nobody). */
function belongs(
  card: LoopCard,
  key: "stakeholder" | "invoice" | "scope",
  party: string | undefined,
  parties: BoardParties,
): boolean {
  if (key === "stakeholder") {
    const read = readLoopRecord("stakeholder", card.data.stakeholder);
    return read.status === "ok" && sameParty(read.value.org, party);
  }
  const read = readLoopRecord(key, card.data[key]);
  return read.status === "ok" && sameParty(partyOf(read.value, parties), party);
}

/**
 * The cards as one party's report sees them: other parties' stakeholders (with their update logs), invoices and
 * scope decisions are taken out of the cards' data, so no section built from them can show another party's record.
 * For no party (a board without one of the report's kind yet) every such record is taken out.
 */
export function partyCards(cards: readonly LoopCard[], party: string | undefined, parties: BoardParties): LoopCard[] {
  return cards.map((card) => {
    const data = { ...card.data };
    if (data.stakeholder !== undefined && !belongs(card, "stakeholder", party, parties)) {
      delete data.stakeholder;
      delete data.log;
    }
    if (data.invoice !== undefined && !belongs(card, "invoice", party, parties)) delete data.invoice;
    if (data.scope !== undefined && !belongs(card, "scope", party, parties)) delete data.scope;
    return { ...card, data };
  });
}
