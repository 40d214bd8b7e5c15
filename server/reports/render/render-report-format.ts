import type { ReportModel } from "../model/report-model";
import { ReportError } from "../report-error";
import { CSV_TABLES, renderCsvTables, renderCsvZip, type CsvTableName } from "./render-csv";
import { renderHtml } from "./render-html";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";
import type { Paper } from "./pdf-document";

export type ReportFileFormat = "json" | "html" | "md" | "csv" | "pdf";

export interface ReportFormatOptions {
  /** PDF only; A4 unless given. */
  paper?: Paper;
  /** CSV only: one table as text instead of the zip of every table. */
  csvTable?: string;
}

export interface RenderedReport {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

function fileStem(model: ReportModel): string {
  const name = (model.board.name ?? model.board.id)
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return `monthly-report-${name || model.board.id}-${model.period.month}`;
}

function isCsvTable(name: string): name is CsvTableName {
  return (CSV_TABLES as readonly string[]).includes(name);
}

/** Renders the model in one format, with the content type and a download file name. */
export async function renderReportFormat(
  model: ReportModel,
  format: ReportFileFormat,
  options: ReportFormatOptions = {},
): Promise<RenderedReport> {
  const stem = fileStem(model);
  switch (format) {
    case "json":
      return {
        contentType: "application/json; charset=utf-8",
        filename: `${stem}.json`,
        body: `${JSON.stringify(model, null, 2)}\n`,
      };
    case "html":
      return { contentType: "text/html; charset=utf-8", filename: `${stem}.html`, body: renderHtml(model) };
    case "md":
      return { contentType: "text/markdown; charset=utf-8", filename: `${stem}.md`, body: renderMarkdown(model) };
    case "pdf": {
      const paper = options.paper ?? "A4";
      return {
        contentType: "application/pdf",
        filename: `${stem}-${paper.toLowerCase()}.pdf`,
        body: await renderPdf(model, { paper }),
      };
    }
    case "csv": {
      if (options.csvTable === undefined) {
        return { contentType: "application/zip", filename: `${stem}-csv.zip`, body: await renderCsvZip(model) };
      }
      const name = options.csvTable;
      if (!isCsvTable(name)) {
        throw new ReportError("UNSUPPORTED_FORMAT", `Unknown CSV table "${name}"; tables: ${CSV_TABLES.join(", ")}`);
      }
      const table = renderCsvTables(model).find((candidate) => candidate.name === name);
      return { contentType: "text/csv; charset=utf-8", filename: `${stem}-${name}.csv`, body: table?.csv ?? "" };
    }
    default:
      throw new ReportError(
        "UNSUPPORTED_FORMAT",
        `Format "${String(format)}" is not available; formats: json, html, md, csv, pdf`,
      );
  }
}
