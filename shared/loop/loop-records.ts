import { boardSettingsSchema } from "./board-settings";
import { cardRolesSchema } from "./card-roles";
import { communicationLogSchema } from "./communication-log";
import { documentsSchema } from "./documents";
import { invoiceSchema } from "./invoice";
import { milestoneSchema } from "./milestone";
import { scopeDecisionSchema } from "./scope-decision";
import { sprintSchema } from "./sprint";
import { sprintReviewSchema } from "./sprint-review";
import { stakeholderSchema } from "./stakeholder";

/**
 * Every Loop record: its pluginData key, where it lives (board or card, always `shared` visibility so the whole
 * team and the service see it) and the schema that checks it on write, on read-back and at the service.
 */
export const LOOP_RECORDS = {
  settings: { scope: "board", label: "board settings", schema: boardSettingsSchema },
  documents: { scope: "board", label: "agreements checklist", schema: documentsSchema },
  stakeholder: { scope: "card", label: "stakeholder", schema: stakeholderSchema },
  log: { scope: "card", label: "update log", schema: communicationLogSchema },
  roles: { scope: "card", label: "roles", schema: cardRolesSchema },
  scope: { scope: "card", label: "scope decision", schema: scopeDecisionSchema },
  milestone: { scope: "card", label: "milestone", schema: milestoneSchema },
  invoice: { scope: "card", label: "invoice", schema: invoiceSchema },
  sprint: { scope: "card", label: "sprint plan", schema: sprintSchema },
  review: { scope: "card", label: "sprint review", schema: sprintReviewSchema },
} as const;

export type LoopKey = keyof typeof LOOP_RECORDS;
export type LoopValue<K extends LoopKey> = ReturnType<(typeof LOOP_RECORDS)[K]["schema"]["parse"]>;
export type CardLoopKey = { [K in LoopKey]: (typeof LOOP_RECORDS)[K]["scope"] extends "card" ? K : never }[LoopKey];

/** Trello's limit on one scope and visibility of pluginData (all keys of a card's shared data together). */
export const PLUGIN_DATA_LIMIT = 4096;

/** Characters Trello counts for a scope's data: its JSON. */
export function pluginDataSize(data: Record<string, unknown>): number {
  return JSON.stringify(data).length;
}
