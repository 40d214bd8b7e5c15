import * as z from "zod/mini";
import { idList, trelloId, version1 } from "./fields";

export const RACI = {
  responsible: "Responsible",
  accountable: "Accountable",
  consulted: "Consulted",
  informed: "Informed",
} as const;

export type RaciRole = keyof typeof RACI;

/** RACI on a work card: stakeholder card ids per role (pluginData key `roles`); one Accountable at most. */
export const cardRolesSchema = z.object({
  v: version1,
  responsible: idList("Responsible", 12),
  accountable: z.optional(trelloId),
  consulted: idList("Consulted", 12),
  informed: idList("Informed", 12),
});

export type CardRoles = z.infer<typeof cardRolesSchema>;
