import { defaultDocuments, partyDocuments } from "../../../shared/loop/documents";
import { defaultParty, sameParty, type BoardParties } from "../../../shared/loop/parties";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import type { DocumentRow } from "./report-model";

/**
 * The agreements checklists: every party's for the team, one party's own for that party's report. With none saved
 * the standard documents are listed as missing (that is the news); a record that cannot be read lists nothing rather
 * than guess.
 */
export function buildDocumentsSection(
  boardData: Record<string, unknown>,
  parties: BoardParties,
  party?: string,
): DocumentRow[] {
  const read = readLoopRecord("documents", boardData.documents);
  if (read.status === "invalid") return [];
  const documents = read.status === "ok" ? read.value : defaultDocuments();
  const owner = defaultParty(parties);
  const items = party ? partyDocuments(documents, party, sameParty(owner, party)) : documents.items;
  return items.map((d) => {
    const of = party ?? (d.party?.trim() || owner);
    return {
      ...(of ? { party: of } : {}),
      name: d.name,
      status: d.status,
      shared: d.shared,
      ...(d.link ? { link: d.link } : {}),
    };
  });
}
