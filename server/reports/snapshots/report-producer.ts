import { loadReportModel } from "../model/load-report-model";
import { renderReportFormat } from "../render/render-report-format";

/** What snapshots need from the report core: building a model from the store, and rendering it. */
export interface ReportProducer {
  loadModel: typeof loadReportModel;
  render: typeof renderReportFormat;
}

/** The real report core. */
export const reportProducer: ReportProducer = { loadModel: loadReportModel, render: renderReportFormat };
