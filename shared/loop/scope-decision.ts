import * as z from "zod/mini";
import { amount, calendarDate, choice, optionalText, party, trelloId, version1 } from "./fields";

export const SCOPE_DECISIONS = ["in", "out", "change"] as const;
export const CHANGE_STATUSES = ["proposed", "approved", "rejected", "deferred"] as const;

const changeRequestSchema = z
  .object({
    status: choice("change request status", CHANGE_STATUSES),
    requestedBy: z.optional(trelloId),
    proposedOn: calendarDate,
    rationale: optionalText("Rationale", 500),
    decidedBy: z.optional(trelloId),
    decidedOn: z.optional(calendarDate),
    impactDays: z.optional(amount("Impact in days")),
    impactCost: z.optional(amount("Impact in cost")),
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, "Currency is a 3-letter code such as EUR"))),
  })
  .check(
    z.refine((cr) => cr.status === "proposed" || (cr.decidedOn !== undefined && !!cr.rationale), {
      message: "A decision needs its date and a rationale",
      path: ["rationale"],
    }),
    z.refine((cr) => !cr.decidedOn || cr.decidedOn >= cr.proposedOn, {
      message: "Decided on cannot be before proposed on",
      path: ["decidedOn"],
    }),
  );

/** What we will and will not do for a card, and the change request when scope is asked to move (key `scope`). */
export const scopeDecisionSchema = z
  .object({
    v: version1,
    decision: choice("scope decision", SCOPE_DECISIONS),
    boundary: optionalText("Boundary", 300),
    /** The client or partner the boundary and its change request are agreed with. */
    party,
    change: z.optional(changeRequestSchema),
  })
  .check(
    z.refine((s) => s.decision !== "change" || s.change !== undefined, {
      message: "Describe the change request",
      path: ["change"],
    }),
  );

export type ScopeDecision = z.infer<typeof scopeDecisionSchema>;
export type ChangeRequest = z.infer<typeof changeRequestSchema>;
export type ChangeStatus = ChangeRequest["status"];
