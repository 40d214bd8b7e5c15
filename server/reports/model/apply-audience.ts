import type { Audience, ReportModel, StakeholdersSection } from "./report-model";

/** The stakeholders section as one audience may see it: a client's copy has no statuses, difficult list or escalations. */
export function stakeholdersFor(section: StakeholdersSection, audience: Audience): StakeholdersSection {
  if (audience === "internal") return section;
  return { rows: section.rows.map(({ status: _status, ...row }) => row), difficult: [], escalations: [] };
}

/**
 * The model as one audience may see it. A client's copy drops escalations, the difficult list, each stakeholder's
 * status, the PM's note and the status the PM overrode: how we judge people stays in-house. (Its summary status is
 * computed without escalations in the first place: see buildReportModel.)
 */
export function applyAudience(model: ReportModel, audience: Audience): ReportModel {
  if (audience === "internal") return { ...model, audience };
  const { pmNote: _pmNote, computedStatus: _computed, ...summary } = model.summary;
  return { ...model, audience, summary, stakeholders: stakeholdersFor(model.stakeholders, audience) };
}
