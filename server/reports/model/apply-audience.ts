import { isPartyAudience } from "../../../shared/loop/audience";
import type { Audience, ReportModel, StakeholdersSection } from "./report-model";

/**
 * The stakeholders section as one audience may see it. A client's or partner's copy lists the people in the loop at
 * the month's end (a released stakeholder is left out: listed without a status it would read as still in the loop;
 * the release itself is an internal move) with each one's name, channel and updates, and drops how we judge them:
 * buy-in (and its moves), status, overdue days, the difficult list, escalations and every move in the month.
 */
export function stakeholdersFor(section: StakeholdersSection, audience: Audience): StakeholdersSection {
  if (!isPartyAudience(audience)) return section;
  const rows = section.rows
    .filter((row) => row.status !== "released")
    .map(({ status: _status, buyIn: _buyIn, buyInBefore: _before, overdueDays: _overdue, ...row }) => row);
  return { rows, difficult: [], escalations: [], moves: [] };
}

/**
 * The model as one audience may see it. A client's or partner's copy (already built from that party's records only:
 * see partyCards) also drops the PM's note and the status the PM overrode: how we judge people stays in-house. Its
 * summary is computed without escalations or overdue updates in the first place: see buildReportModel.
 */
export function applyAudience(model: ReportModel, audience: Audience, party?: string): ReportModel {
  if (!isPartyAudience(audience)) return { ...model, audience };
  const { pmNote: _pmNote, computedStatus: _computed, ...summary } = model.summary;
  return {
    ...model,
    audience,
    ...(party ? { party } : {}),
    summary,
    stakeholders: stakeholdersFor(model.stakeholders, audience),
  };
}
