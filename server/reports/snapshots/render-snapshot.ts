import path from "node:path";
import type { ReportSnapshot } from "../../store/report-snapshots-store";
import { readSnapshotModel } from "./read-snapshot-model";
import { reportProducer, type ReportProducer } from "./report-producer";
import { REPORT_FORMATS, type ReportFormat } from "../../../shared/api/report-api";

/** The report API's formats (shared/api/report-api.ts), under the name the snapshot code uses. */
export const SNAPSHOT_FORMATS = REPORT_FORMATS;
export type SnapshotFormat = ReportFormat;

export interface SnapshotFile {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

const STORED: Record<
  "json" | "html" | "md",
  { contentType: string; ext: string; body: (s: ReportSnapshot) => string }
> = {
  json: { contentType: "application/json; charset=utf-8", ext: ".json", body: (s) => s.modelJson },
  html: { contentType: "text/html; charset=utf-8", ext: ".html", body: (s) => s.html },
  md: { contentType: "text/markdown; charset=utf-8", ext: ".md", body: (s) => s.markdown },
};

/** The download name: which month, for whom and which version, so saved files of one month never overwrite. */
function fileName(snapshot: ReportSnapshot, ext: string): string {
  const party = snapshot.party
    ? `-${snapshot.party
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")}`
    : "";
  return `monthly-report-${snapshot.month}-${snapshot.audience}${party}-v${snapshot.version}${ext}`;
}

/**
 * A snapshot in one format. JSON, HTML and Markdown are the renderings stored when it was generated; CSV and PDF are
 * rendered now from the frozen model (a pure function of it), so they say what the stored versions say. The model is
 * checked (and upgraded from an older version where safe) first: ReportError SNAPSHOT_* when it cannot be rendered.
 */
export async function renderSnapshot(
  snapshot: ReportSnapshot,
  format: SnapshotFormat,
  options: { paper?: "A4" | "Letter"; csvTable?: string } = {},
  producer: ReportProducer = reportProducer,
): Promise<SnapshotFile> {
  if (format === "json" || format === "html" || format === "md") {
    const stored = STORED[format];
    return { contentType: stored.contentType, filename: fileName(snapshot, stored.ext), body: stored.body(snapshot) };
  }
  const rendered = await producer.render(readSnapshotModel(snapshot.modelJson), format, options);
  const ext = path.extname(rendered.filename) || `.${format}`;
  const paper = format === "pdf" && options.paper ? `-${options.paper.toLowerCase()}` : "";
  const table = format === "csv" && options.csvTable ? `-${options.csvTable.replace(/[^\w-]+/g, "-")}` : "";
  return {
    contentType: rendered.contentType,
    filename: fileName(snapshot, `${paper}${table}${ext}`),
    body: rendered.body,
  };
}
