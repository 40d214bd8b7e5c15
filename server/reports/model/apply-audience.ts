import type { Audience, ReportModel } from "./report-model";

/**
 * The model as one audience may see it. A client's copy drops escalations, the difficult list, each stakeholder's
 * status and the PM's note: how we judge people stays in-house.
 */
export function applyAudience(model: ReportModel, audience: Audience): ReportModel {
  if (audience === "internal") return { ...model, audience };
  const { pmNote: _pmNote, ...summary } = model.summary;
  return {
    ...model,
    audience,
    summary,
    stakeholders: {
      rows: model.stakeholders.rows.map(({ status: _status, ...row }) => row),
      difficult: [],
      escalations: [],
    },
  };
}
