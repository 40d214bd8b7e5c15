import { loadReportModel } from "../model/load-report-model";
import type { ReportProducer } from "../snapshots/report-producer";
import type { RenderPool } from "./create-render-pool";

/** The report core with its renders on the pool: the model is read on the event loop, every format drawn off it. */
export function pooledReportProducer(pool: RenderPool): ReportProducer {
  return { loadModel: loadReportModel, render: pool.render };
}
