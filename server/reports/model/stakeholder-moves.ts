import type { BoardSettings } from "../../../shared/loop/board-settings";
import { calendarDay } from "../../../shared/loop/calendar-day";
import type { Stakeholder } from "../../../shared/loop/stakeholder";
import { dayWithin, type ReportDays } from "./report-days";
import type { StakeholderMove } from "./report-model";

/** One version of a stakeholder record and when the service saw it. */
export interface SeenStakeholder {
  value: Stakeholder;
  seenAt: string;
}

export interface MovesInput {
  cardId: string;
  /** The record in force when the month began (absent when first seen within it). */
  atStart?: Stakeholder;
  /** The valid versions seen within the month, oldest first. */
  versions: readonly SeenStakeholder[];
  /** The record at the month's end. */
  atEnd: Stakeholder;
  settings: BoardSettings;
  memberNames: Map<string, string>;
  days: ReportDays;
}

/**
 * What changed about one stakeholder within the month. Escalations and releases carry their own dates and are
 * reported on them; buy-in and becoming difficult have none, so they are dated by the day the change was seen,
 * comparing each version with the one before (the first version seen counts as the earlier value, even when it was
 * first seen in this month).
 */
export function stakeholderMoves(input: MovesInput): StakeholderMove[] {
  const { cardId, days } = input;
  const name = input.atEnd.name;
  const moves: StakeholderMove[] = [];
  const seen = new Set<string>();
  const add = (move: StakeholderMove) => {
    const key = JSON.stringify([move.kind, move.on, move.from, move.to, move.lead, move.reason]);
    if (seen.has(key) || !dayWithin(move.on, days.first, days.asOf)) return;
    seen.add(key);
    moves.push(move);
  };
  const leadName = (to: "technical" | "operational") => {
    const id = to === "technical" ? input.settings.technicalLead : input.settings.operationalLead;
    const found = id ? input.memberNames.get(id) : undefined;
    return found ? { leadName: found } : {};
  };
  const all = [...(input.atStart ? [input.atStart] : []), ...input.versions.map((v) => v.value), input.atEnd];
  for (const value of all) {
    const e = value.escalation;
    if (e) {
      add({ cardId, stakeholder: name, on: e.on, kind: "escalated", lead: e.to, ...leadName(e.to), reason: e.reason });
      if (e.resolvedOn)
        add({
          cardId,
          stakeholder: name,
          on: e.resolvedOn,
          kind: "escalation-resolved",
          lead: e.to,
          ...leadName(e.to),
          reason: e.reason,
        });
    }
    if (value.status === "released" && value.release) {
      add({ cardId, stakeholder: name, on: value.release.on, kind: "released", reason: value.release.reason });
    }
  }
  let before = input.atStart;
  for (const { value, seenAt } of input.versions) {
    const on = calendarDay(new Date(seenAt), days.timeZone);
    if (before && before.buyIn !== value.buyIn)
      add({ cardId, stakeholder: name, on, kind: "buy-in", from: before.buyIn, to: value.buyIn });
    if (before && before.status !== "difficult" && value.status === "difficult") {
      add({
        cardId,
        stakeholder: name,
        on,
        kind: "difficult",
        ...(value.difficultReason ? { reason: value.difficultReason } : {}),
      });
    }
    // A release without its own date (saved before releases had one) is dated by when it was seen.
    if (before && before.status !== "released" && value.status === "released" && !value.release)
      add({ cardId, stakeholder: name, on, kind: "released" });
    before = value;
  }
  return moves;
}
