import { defaultDocuments } from "../../../shared/loop/documents";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import type { DocumentRow } from "./report-model";

/**
 * The agreements checklist. With none saved the standard documents are listed as missing (that is the news); a
 * record that cannot be read lists nothing rather than guess.
 */
export function buildDocumentsSection(boardData: Record<string, unknown>): DocumentRow[] {
  const read = readLoopRecord("documents", boardData.documents);
  if (read.status === "invalid") return [];
  const documents = read.status === "ok" ? read.value : defaultDocuments();
  return documents.items.map((d) => ({ name: d.name, status: d.status, shared: d.shared, ...(d.link ? { link: d.link } : {}) }));
}
