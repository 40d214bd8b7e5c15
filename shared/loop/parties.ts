import type { PartyAudience } from "./audience";
import type { Stakeholder } from "./stakeholder";

/** The board's parties by kind: the organisations its client and partner stakeholders belong to. */
export type BoardParties = Record<PartyAudience, string[]>;

/** Party names compare trimmed and ignoring case, so "ACME" and "acme " are one organisation. */
export function sameParty(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The organisations of the board's client and partner stakeholders, each once (first spelling wins), sorted. */
export function boardParties(stakeholders: Iterable<Pick<Stakeholder, "type" | "org">>): BoardParties {
  const parties: BoardParties = { client: [], partner: [] };
  for (const s of stakeholders) {
    if ((s.type !== "client" && s.type !== "partner") || !s.org?.trim()) continue;
    const list = parties[s.type];
    if (!list.some((p) => sameParty(p, s.org))) list.push(s.org.trim());
  }
  parties.client.sort((a, b) => a.localeCompare(b));
  parties.partner.sort((a, b) => a.localeCompare(b));
  return parties;
}

/**
 * The party a record that names none belongs to. Records saved before parties existed were the client's: they belong
 * to the board's one client (or, on a board with no client, its one partner); with several, to nobody, so no party's
 * copy shows another's record until the PM names its party.
 */
export function defaultParty(parties: BoardParties): string | undefined {
  const kind = parties.client.length > 0 ? parties.client : parties.partner;
  return kind.length === 1 ? kind[0] : undefined;
}

/** The party a record belongs to: the one it names, else the board's default. */
export function partyOf(record: { party?: string }, parties: BoardParties): string | undefined {
  return record.party?.trim() ? record.party.trim() : defaultParty(parties);
}

/** Every party of the board, clients first: the choices a record's party field offers. */
export function allParties(parties: BoardParties): string[] {
  return [...parties.client, ...parties.partner.filter((p) => !parties.client.some((c) => sameParty(c, p)))];
}
