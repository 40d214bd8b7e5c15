import type { BoardSettings } from "../../../shared/loop/board-settings";
import type { CommunicationLog } from "../../../shared/loop/communication-log";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import { stakeholderUpdateState } from "../../../shared/loop/stakeholder-update-state";
import type { MonthPeriod } from "../../../shared/month-period";
import { validRecords, type LoopCard } from "./loop-card";
import type { ReportDays } from "./report-days";
import type { EscalationRow, StakeholderRow, StakeholdersSection } from "./report-model";

/** An update logged to a stakeholder, as the service kept it. */
export interface StakeholderUpdate {
  id: string;
  cardId: string;
  at: string;
  channel: string;
  summary: string;
}

export interface StakeholdersInput {
  cards: readonly LoopCard[];
  /** Each stakeholder card's `stakeholder` record in force at the month's start / end (from the record history). */
  stakeholderAtStart: Map<string, unknown>;
  stakeholderAtEnd: Map<string, unknown>;
  updates: readonly StakeholderUpdate[];
  settings: BoardSettings;
  memberNames: Map<string, string>;
  period: MonthPeriod;
  days: ReportDays;
}

function buyInOf(raw: unknown): string | undefined {
  const read = readLoopRecord("stakeholder", raw);
  return read.status === "ok" ? read.value.buyIn : undefined;
}

/** Stakeholders on the board (archived cards left out, as the registry does), their updates, buy-in moves and escalations. */
export function buildStakeholdersSection(input: StakeholdersInput): StakeholdersSection {
  const { period, days } = input;
  const rows: StakeholderRow[] = [];
  const escalations: EscalationRow[] = [];
  const difficult: string[] = [];
  for (const { card, value } of validRecords(input.cards.filter((c) => !c.archived), "stakeholder")) {
    const before = input.updates.filter((u) => u.cardId === card.id && Date.parse(u.at) < period.endMs);
    // Every kept update counts, not only the 12 newest a card holds; only their dates are read.
    const log = { v: 1, entries: before } as unknown as CommunicationLog;
    const state = stakeholderUpdateState(value, log, days.asOf, days.timeZone);
    const buyIn = buyInOf(input.stakeholderAtEnd.get(card.id)) ?? value.buyIn;
    const buyInBefore = buyInOf(input.stakeholderAtStart.get(card.id));
    rows.push({
      cardId: card.id,
      name: value.name,
      type: value.type,
      ...(value.org ? { organisation: value.org } : {}),
      channel: value.channel,
      cadenceDays: value.cadenceDays,
      updatesLogged: before.filter((u) => Date.parse(u.at) >= period.startMs).length,
      ...(state.lastUpdateAt ? { lastUpdateAt: state.lastUpdateAt } : {}),
      overdueDays: state.overdueDays,
      buyIn,
      ...(buyInBefore && buyInBefore !== buyIn ? { buyInBefore } : {}),
      status: value.status,
    });
    if (value.status === "difficult") difficult.push(value.name);
    const e = value.escalation;
    // Escalations open at some point in the month: raised by its end, not resolved before it began.
    if (e && e.on <= days.asOf && (!e.resolvedOn || e.resolvedOn >= days.first)) {
      const leadId = e.to === "technical" ? input.settings.technicalLead : input.settings.operationalLead;
      const leadName = leadId ? input.memberNames.get(leadId) : undefined;
      escalations.push({
        cardId: card.id,
        stakeholder: value.name,
        to: e.to,
        ...(leadName ? { leadName } : {}),
        reason: e.reason,
        on: e.on,
        ...(e.resolvedOn ? { resolvedOn: e.resolvedOn } : {}),
      });
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { rows: rows.sort(byName), difficult: difficult.sort(), escalations: escalations.sort((a, b) => a.on.localeCompare(b.on)) };
}

/** Whether a stakeholder row was owed an update on the day the month is judged on (never updated counts). */
export function isOverdue(row: StakeholderRow): boolean {
  return row.overdueDays > 0 || (row.lastUpdateAt === undefined && row.status !== "released");
}
