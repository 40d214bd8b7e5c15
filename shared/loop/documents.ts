import * as z from "zod/mini";
import { choice, party, requiredText, version1 } from "./fields";
import { sameParty } from "./parties";

export const DOCUMENT_STATUSES = ["missing", "draft", "signed"] as const;

/** The agreements every engagement needs; custom ones are added beside them. */
export const STANDARD_DOCUMENTS = [
  { id: "mou", name: "Memorandum of understanding (MOU)" },
  { id: "sla", name: "Service level agreement (SLA)" },
  { id: "access", name: "Board access for the client or partner" },
] as const;

const documentSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,24}$/, "Document id is malformed")),
  name: requiredText("Document name", 60),
  status: choice("document status", DOCUMENT_STATUSES),
  link: z.optional(z.url({ protocol: /^https?$/, error: "Link must be an http(s) address" })),
  shared: z.boolean(),
  /** The client or partner the agreement is with: each party has its own checklist. */
  party,
});

/** The board's agreement checklists, one per party (board pluginData key `documents`). */
export const documentsSchema = z
  .object({
    v: version1,
    items: z.array(documentSchema).check(z.maxLength(24, "At most 24 documents")),
  })
  .check(
    z.refine(
      (d) => new Set(d.items.map((i) => `${i.party?.trim().toLowerCase() ?? ""}/${i.id}`)).size === d.items.length,
      {
        message: "Each document once per party",
        path: ["items"],
      },
    ),
  );

export type DocumentItem = z.infer<typeof documentSchema>;
export type Documents = z.infer<typeof documentsSchema>;

/** The checklist a board (or a party) starts from. */
export function defaultDocuments(): Documents {
  return { v: 1, items: STANDARD_DOCUMENTS.map((d) => ({ id: d.id, name: d.name, status: "missing", shared: false })) };
}

/**
 * One party's checklist: its own items, plus those naming no party when it is the board's default party (saved
 * before agreements were per party); the standard documents, missing, when it has none yet.
 */
export function partyDocuments(documents: Documents, party: string, isDefaultParty: boolean): DocumentItem[] {
  const mine = documents.items.filter((i) => (i.party?.trim() ? sameParty(i.party, party) : isDefaultParty));
  return mine.length > 0 ? mine : defaultDocuments().items;
}
