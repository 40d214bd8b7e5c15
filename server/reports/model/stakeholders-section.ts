import type { BoardSettings } from "../../../shared/loop/board-settings";
import type { CommunicationLog } from "../../../shared/loop/communication-log";
import { readLoopRecord } from "../../../shared/loop/read-loop-record";
import type { Stakeholder } from "../../../shared/loop/stakeholder";
import { stakeholderStatus } from "../../../shared/loop/stakeholder-status";
import { stakeholderUpdateState } from "../../../shared/loop/stakeholder-update-state";
import type { MonthPeriod } from "../../../shared/month-period";
import { validRecords, type LoopCard } from "./loop-card";
import type { ReportDays } from "./report-days";
import type { DifficultRow, EscalationRow, StakeholderMove, StakeholderRow, StakeholdersSection } from "./report-model";
import { stakeholderMoves, type SeenStakeholder } from "./stakeholder-moves";

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
  /** Every version of a stakeholder record seen within the month, oldest first (value: the record's JSON). */
  stakeholderVersions: readonly { idModel: string; value: string | null; seenAt: string }[];
  updates: readonly StakeholderUpdate[];
  settings: BoardSettings;
  memberNames: Map<string, string>;
  period: MonthPeriod;
  days: ReportDays;
}

function validStakeholder(raw: unknown): Stakeholder | undefined {
  const read = readLoopRecord("stakeholder", raw);
  return read.status === "ok" ? read.value : undefined;
}

/** The month's valid versions of each card's stakeholder record, oldest first. */
function versionsByCard(rows: StakeholdersInput["stakeholderVersions"]): Map<string, SeenStakeholder[]> {
  const byCard = new Map<string, SeenStakeholder[]>();
  for (const row of rows) {
    const value = row.value === null ? undefined : validStakeholder(JSON.parse(row.value));
    if (!value) continue;
    const list = byCard.get(row.idModel) ?? [];
    list.push({ value, seenAt: row.seenAt });
    byCard.set(row.idModel, list);
  }
  return byCard;
}

/**
 * Stakeholders on the board (archived cards left out, as the registry does): their updates, status and buy-in at the
 * month's end, difficult ones with their reasons, escalations open in the month, and the moves within it.
 */
export function buildStakeholdersSection(input: StakeholdersInput): StakeholdersSection {
  const { period, days } = input;
  const rows: StakeholderRow[] = [];
  const escalations: EscalationRow[] = [];
  const difficult: DifficultRow[] = [];
  const moves: StakeholderMove[] = [];
  const versions = versionsByCard(input.stakeholderVersions);
  for (const { card, value: current } of validRecords(
    input.cards.filter((c) => !c.archived),
    "stakeholder",
  )) {
    const value = validStakeholder(input.stakeholderAtEnd.get(card.id)) ?? current;
    const atStart = validStakeholder(input.stakeholderAtStart.get(card.id));
    const seen = versions.get(card.id) ?? [];
    const status = stakeholderStatus(value, days.asOf);
    const before = input.updates.filter((u) => u.cardId === card.id && Date.parse(u.at) < period.endMs);
    // Every kept update counts, not only the 12 newest a card holds; only their dates are read.
    const log = { v: 1, entries: before } as unknown as CommunicationLog;
    const state = stakeholderUpdateState({ cadenceDays: value.cadenceDays, status }, log, days.asOf, days.timeZone);
    // The earlier buy-in: at the month's start, or the first value seen within it.
    const buyInBefore = (atStart ?? seen[0]?.value)?.buyIn;
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
      buyIn: value.buyIn,
      ...(buyInBefore && buyInBefore !== value.buyIn ? { buyInBefore } : {}),
      status,
    });
    if (status === "difficult")
      difficult.push({
        cardId: card.id,
        stakeholder: value.name,
        ...(value.difficultReason ? { reason: value.difficultReason } : {}),
      });
    moves.push(
      ...stakeholderMoves({
        cardId: card.id,
        atStart,
        versions: seen,
        atEnd: value,
        settings: input.settings,
        memberNames: input.memberNames,
        days,
      }),
    );
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
        ...(e.resolvedOn && e.resolvedOn <= days.asOf ? { resolvedOn: e.resolvedOn } : {}),
      });
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    rows: rows.sort(byName),
    difficult: difficult.sort((a, b) => a.stakeholder.localeCompare(b.stakeholder)),
    escalations: escalations.sort((a, b) => a.on.localeCompare(b.on)),
    moves: moves.sort((a, b) => a.on.localeCompare(b.on) || a.stakeholder.localeCompare(b.stakeholder)),
  };
}

/** Whether a stakeholder row was owed an update on the day the month is judged on (never updated counts). */
export function isOverdue(row: StakeholderRow): boolean {
  return (row.overdueDays ?? 0) > 0 || (row.lastUpdateAt === undefined && row.status !== "released");
}
