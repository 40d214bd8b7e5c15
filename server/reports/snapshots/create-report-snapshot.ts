import { randomUUID } from "node:crypto";
import type { ReportSnapshot, ReportSnapshotMeta } from "../../store/report-snapshots-store";
import type { Store } from "../../store/create-store";
import type { Audience, ProjectStatus } from "../model/report-model";
import { reportContentHash } from "./report-content-hash";
import { reportProducer, type ReportProducer } from "./report-producer";

export interface ReportSnapshotRequest {
  boardId: string;
  month: string;
  audience: Audience;
  /** The client or partner (see resolveReportParty). */
  party?: string;
  /** Overrides the board's time zone setting. */
  timezone?: string;
  pmStatus?: ProjectStatus;
  pmNote?: string;
  /** A Trello member id, or SCHEDULE_AUTHOR. */
  createdBy: string;
  /** The clock (ms); the model's generatedAt and the row's created_at. */
  now?: number;
}

/** The metadata of a stored snapshot (what lists and the API show). */
export function snapshotMeta(snapshot: ReportSnapshot): ReportSnapshotMeta {
  const { modelJson: _model, html: _html, markdown: _markdown, ...meta } = snapshot;
  return meta;
}

/**
 * Builds the month's report from the store and freezes it: the model plus its JSON, HTML and Markdown renderings,
 * as the next version. PDF and CSV are not stored: they are pure renderings of the frozen model, made when asked
 * for (PDF in either paper size), which keeps generation fast and the row small while their content stays frozen.
 * Throws ReportError for a request the model refuses. Returns undefined when the schedule already produced the month.
 */
export async function createReportSnapshot(
  store: Store,
  request: ReportSnapshotRequest,
  producer: ReportProducer = reportProducer,
): Promise<ReportSnapshot | undefined> {
  const now = request.now ?? Date.now();
  const model = producer.loadModel(store, {
    boardId: request.boardId,
    month: request.month,
    timezone: request.timezone,
    audience: request.audience,
    party: request.party,
    pmStatus: request.pmStatus,
    pmNote: request.pmNote,
    now,
  });
  const [json, html, markdown] = await Promise.all([
    producer.render(model, "json"),
    producer.render(model, "html"),
    producer.render(model, "md"),
  ]);
  return store.reportSnapshots.insert({
    id: randomUUID(),
    boardId: request.boardId,
    month: model.period.month,
    timezone: model.period.timezone,
    audience: model.audience,
    ...(model.party ? { party: model.party } : {}),
    modelJson: json.body.toString(),
    html: html.body.toString(),
    markdown: markdown.body.toString(),
    contentHash: reportContentHash(model),
    createdBy: request.createdBy,
    createdAt: new Date(now).toISOString(),
  });
}
