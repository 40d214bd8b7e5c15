import * as z from "zod/mini";
import { calendarDate, choice, optionalText, requiredText, version1, wholeNumber } from "./fields";

export const STAKEHOLDER_TYPES = ["client", "partner", "sponsor", "internal", "other"] as const;
export const LEVELS = ["low", "medium", "high"] as const;
/** Where a stakeholder wants their updates; "google-chat" came later (appended, so stored records stay valid). */
export const CHANNELS = ["email", "slack", "teams", "phone", "meeting", "trello", "other", "google-chat"] as const;
export const BUY_IN_LEVELS = ["champion", "supporter", "neutral", "sceptic", "opponent"] as const;
export const STAKEHOLDER_STATUSES = ["active", "difficult", "escalated", "released"] as const;
export const LEADS = ["technical", "operational"] as const;

/** The initiation checklist: what settled at the start makes every later step easy. */
export const INITIATION_ITEMS = {
  platform: "Communication platform agreed",
  roles: "Roles and responsibilities agreed",
  reviews: "Invited to sprint reviews",
  scope: "Scope boundaries acknowledged",
} as const;

const escalationSchema = z.object({
  to: choice("lead to escalate to", LEADS),
  reason: requiredText("Reason", 300),
  on: calendarDate,
  resolvedOn: z.optional(calendarDate),
});

const releaseSchema = z.object({
  on: calendarDate,
  reason: requiredText("Release reason", 300),
});

/** A client, partner or other stakeholder; lives on the stakeholder's card (pluginData key `stakeholder`). */
export const stakeholderSchema = z
  .object({
    v: version1,
    name: requiredText("Name", 80),
    type: choice("stakeholder type", STAKEHOLDER_TYPES),
    org: optionalText("Organisation", 80),
    roles: optionalText("Roles", 200),
    duties: optionalText("Responsibilities", 300),
    rights: optionalText("Rights", 300),
    influence: choice("influence", LEVELS),
    interest: choice("interest", LEVELS),
    channel: choice("communication channel", CHANNELS),
    contact: optionalText("Contact", 120),
    cadenceDays: wholeNumber("Update cadence", 1, 90),
    buyIn: choice("buy-in level", BUY_IN_LEVELS),
    status: choice("status", STAKEHOLDER_STATUSES),
    /** Why we find the stakeholder difficult (kept after they stop being difficult, as a record of it). */
    difficultReason: optionalText("Why difficult", 300),
    escalation: z.optional(escalationSchema),
    /** When and why the stakeholder was released: no longer kept in the loop. */
    release: z.optional(releaseSchema),
    initiation: z.object({ platform: z.boolean(), roles: z.boolean(), reviews: z.boolean(), scope: z.boolean() }),
  })
  .check(
    z.refine((s) => s.status !== "escalated" || s.escalation !== undefined, {
      message: "Say who it is escalated to and why",
      path: ["escalation"],
    }),
    z.refine((s) => !s.escalation?.resolvedOn || s.escalation.resolvedOn >= s.escalation.on, {
      message: "Resolved on cannot be before escalated on",
      path: ["escalation", "resolvedOn"],
    }),
  );

/**
 * What a PM saving a stakeholder must give: a reason when difficult, a date and reason when released. Records saved
 * before these fields existed lack them and stay readable (stakeholderSchema); a save through the form is held to this.
 */
export const stakeholderEditSchema = stakeholderSchema.check(
  z.refine((s) => s.status !== "difficult" || !!s.difficultReason, {
    message: "Say why the stakeholder is difficult",
    path: ["difficultReason"],
  }),
  z.refine((s) => s.status !== "released" || s.release !== undefined, {
    message: "Give the release date and reason",
    path: ["release"],
  }),
);

export type Stakeholder = z.infer<typeof stakeholderSchema>;
export type StakeholderType = Stakeholder["type"];
export type Channel = Stakeholder["channel"];
