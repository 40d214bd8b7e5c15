import type { CardLoopKey, LoopKey } from "../../shared/loop/loop-records";
import { LOOP_RECORDS } from "../../shared/loop/loop-records";
import { invoiceStatus } from "../../shared/loop/invoice-state";
import { milestoneState } from "../../shared/loop/milestone-state";
import { readLoopRecord } from "../../shared/loop/read-loop-record";
import { stakeholderStatus } from "../../shared/loop/stakeholder-status";
import { stakeholderUpdateState } from "../../shared/loop/stakeholder-update-state";
import type { CommunicationLog } from "../../shared/loop/communication-log";

export type BadgeColor = "red" | "green" | "yellow" | "blue" | "sky" | "light-gray" | null;

export interface LoopBadge {
  /** What the badge is about, for the card detail badge's title. */
  title: string;
  text: string;
  color: BadgeColor;
  /** Shown on the card front; the rest only in the card detail. */
  front: boolean;
}

export interface BadgeContext {
  /** Today in the board's time zone. */
  today: string;
  timeZone: string;
  /** Stakeholder names by card id, for role holders. */
  stakeholderNames: Map<string, string>;
  /** The card sits in one of the board's done lists (a milestone there is done, never overdue). */
  inDoneList: boolean;
}

const CHANGE_COLORS = { proposed: "yellow", approved: "green", rejected: "red", deferred: "light-gray" } as const;
const MILESTONE_TEXT = {
  hit: "Hit",
  missed: "Missed",
  done: "Done",
  overdue: "Overdue",
  "due-soon": "Due soon",
  upcoming: "Upcoming",
} as const;
const MILESTONE_COLORS = {
  hit: "green",
  missed: "red",
  done: "green",
  overdue: "red",
  "due-soon": "yellow",
  upcoming: "blue",
} as const;
const INVOICE_COLORS = { paid: "green", overdue: "red", open: "blue" } as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stakeholderBadges(data: Record<string, unknown>, ctx: BadgeContext): LoopBadge[] {
  const read = readLoopRecord("stakeholder", data.stakeholder);
  if (read.status !== "ok") return [];
  const s = read.value;
  const log = readLoopRecord("log", data.log);
  const update = stakeholderUpdateState(
    s,
    log.status === "ok" ? (log.value as CommunicationLog) : undefined,
    ctx.today,
    ctx.timeZone,
  );
  const badges: LoopBadge[] = [{ title: "Stakeholder", text: capitalise(s.type), color: "sky", front: true }];
  if (update.overdue) {
    const text = update.lastUpdateAt ? `Update overdue ${update.overdueDays}d` : "No update yet";
    badges.push({ title: "Updates", text, color: "red", front: true });
  } else if (s.status !== "released") {
    badges.push({ title: "Updates", text: `Next update ${update.dueOn}`, color: "green", front: false });
  }
  const status = stakeholderStatus(s, ctx.today);
  if (status === "difficult") badges.push({ title: "Status", text: "Difficult", color: "yellow", front: true });
  if (status === "escalated") {
    const to = s.escalation ? ` to ${s.escalation.to} lead` : "";
    badges.push({ title: "Status", text: `Escalated${to}`, color: "red", front: true });
  }
  if (status === "released") badges.push({ title: "Status", text: "Released", color: "light-gray", front: true });
  return badges;
}

function roleBadges(data: Record<string, unknown>, ctx: BadgeContext): LoopBadge[] {
  const read = readLoopRecord("roles", data.roles);
  if (read.status !== "ok") return [];
  const roles = read.value;
  const name = (id: string) => ctx.stakeholderNames.get(id) ?? "removed stakeholder";
  const badges: LoopBadge[] = [];
  if (roles.accountable)
    badges.push({ title: "Accountable", text: `A: ${name(roles.accountable)}`, color: "blue", front: true });
  if (roles.responsible.length)
    badges.push({
      title: "Responsible",
      text: `R: ${roles.responsible.map(name).join(", ")}`,
      color: null,
      front: false,
    });
  if (roles.consulted.length)
    badges.push({ title: "Consulted", text: `C: ${roles.consulted.map(name).join(", ")}`, color: null, front: false });
  if (roles.informed.length)
    badges.push({ title: "Informed", text: `I: ${roles.informed.map(name).join(", ")}`, color: null, front: false });
  return badges;
}

function scopeBadges(data: Record<string, unknown>): LoopBadge[] {
  const read = readLoopRecord("scope", data.scope);
  if (read.status !== "ok") return [];
  const scope = read.value;
  if (scope.decision === "out") return [{ title: "Scope", text: "Out of scope", color: "red", front: true }];
  if (scope.decision === "in") return [{ title: "Scope", text: "In scope", color: "green", front: false }];
  const status = scope.change!.status;
  return [{ title: "Change request", text: `Change request: ${status}`, color: CHANGE_COLORS[status], front: true }];
}

function milestoneBadges(data: Record<string, unknown>, ctx: BadgeContext): LoopBadge[] {
  const read = readLoopRecord("milestone", data.milestone);
  if (read.status !== "ok") return [];
  const state = milestoneState(read.value, ctx.today, { inDoneList: ctx.inDoneList });
  const badges: LoopBadge[] = [
    {
      title: "Milestone",
      text: `Milestone ${MILESTONE_TEXT[state.status].toLowerCase()} · ${read.value.due}`,
      color: MILESTONE_COLORS[state.status],
      front: true,
    },
  ];
  if (state.slipped)
    badges.push({ title: "Slipped", text: `Slipped from ${read.value.baselineDue}`, color: "yellow", front: true });
  return badges;
}

function invoiceBadges(data: Record<string, unknown>, ctx: BadgeContext): LoopBadge[] {
  const read = readLoopRecord("invoice", data.invoice);
  if (read.status !== "ok") return [];
  const status = invoiceStatus(read.value, ctx.today);
  return [{ title: "Invoice", text: `Invoice ${status}`, color: INVOICE_COLORS[status], front: true }];
}

function sprintBadges(data: Record<string, unknown>): LoopBadge[] {
  const sprint = readLoopRecord("sprint", data.sprint);
  if (sprint.status !== "ok") return [];
  const review = readLoopRecord("review", data.review);
  const badges: LoopBadge[] = [{ title: "Sprint", text: `Sprint ${sprint.value.number}`, color: "blue", front: true }];
  if (review.status === "ok")
    badges.push({ title: "Sprint review", text: `Reviewed ${review.value.heldOn}`, color: "green", front: true });
  return badges;
}

function unreadableBadges(data: Record<string, unknown>): LoopBadge[] {
  return (Object.keys(LOOP_RECORDS) as LoopKey[])
    .filter(
      (key) => LOOP_RECORDS[key].scope === "card" && readLoopRecord(key as CardLoopKey, data[key]).status === "invalid",
    )
    .map((key) => ({
      title: "Stakeholder Loop",
      text: `Unreadable ${LOOP_RECORDS[key].label}`,
      color: "red" as const,
      front: true,
    }));
}

/** The badges for a card's Loop data (its shared pluginData), computed without any request to the service. */
export function loopBadges(data: Record<string, unknown>, ctx: BadgeContext): LoopBadge[] {
  return [
    ...stakeholderBadges(data, ctx),
    ...roleBadges(data, ctx),
    ...scopeBadges(data),
    ...milestoneBadges(data, ctx),
    ...invoiceBadges(data, ctx),
    ...sprintBadges(data),
    ...unreadableBadges(data),
  ];
}
