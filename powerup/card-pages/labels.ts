import type { ChangeStatus } from "../../shared/loop/scope-decision";
import type { MilestoneStatus } from "../../shared/loop/milestone-state";
import type { InvoiceStatus } from "../../shared/loop/invoice-state";
import type { Stage } from "../../shared/loop/milestone";

/** Words and badge colours the pages use for the schemas' values. */

export const STAGE_LABELS: Record<Stage, string> = {
  initiation: "Initiation",
  planning: "Planning",
  execution: "Execution",
  closing: "Closing",
};

export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = {
  proposed: "Proposed",
  approved: "Approved",
  rejected: "Rejected",
  deferred: "Deferred",
};

export const CHANGE_STATUS_COLOURS: Record<ChangeStatus, BadgeColour> = {
  proposed: "yellow",
  approved: "green",
  rejected: "red",
  deferred: "grey",
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  hit: "Hit",
  missed: "Missed",
  done: "Done",
  overdue: "Overdue",
  "due-soon": "Due soon",
  upcoming: "Upcoming",
};

export const MILESTONE_STATUS_COLOURS: Record<MilestoneStatus, BadgeColour> = {
  hit: "green",
  missed: "red",
  done: "green",
  overdue: "red",
  "due-soon": "yellow",
  upcoming: "blue",
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = { paid: "Paid", overdue: "Overdue", open: "Open" };

export const INVOICE_STATUS_COLOURS: Record<InvoiceStatus, BadgeColour> = {
  paid: "green",
  overdue: "red",
  open: "blue",
};

export type BadgeColour = "red" | "green" | "yellow" | "blue" | "grey";

/** "Capitalised" for enum values shown as words (client → Client). */
export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
