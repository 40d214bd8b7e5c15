import type { ReportModel } from "../model/report-model";
import { chartShapes } from "./chart-shapes";
import { PdfReportDocument, type Paper } from "./pdf-document";
import { buildReportSections, reportSubtitle, reportTitle } from "./report-sections";

/** Chart labels in points: 9 pt is 12 px, as in the HTML charts. */
const CHART_TEXT_PT = 9;

export interface PdfOptions {
  paper: Paper;
}

/** The report as a PDF on A4 or Letter: same sections, tables and charts as the HTML, numbered pages, title metadata. */
export function renderPdf(model: ReportModel, options: PdfOptions): Promise<Buffer> {
  const title = reportTitle(model);
  const pdf = new PdfReportDocument({ paper: options.paper, title, subject: `Monthly report ${model.period.month}` });
  pdf.title(title, reportSubtitle(model));
  for (const section of buildReportSections(model)) {
    pdf.sectionHeading(`${section.number}. ${section.title}`);
    for (const block of section.blocks) {
      switch (block.kind) {
        case "paragraph":
          pdf.paragraph(block.text);
          break;
        case "list":
          if (block.title) pdf.subheading(block.title);
          pdf.list(block.items);
          break;
        case "table":
          pdf.subheading(block.title);
          pdf.table(block.headers, block.rows);
          break;
        case "chart": {
          const shapes = chartShapes(model, block.chart, pdf.contentWidth, CHART_TEXT_PT);
          pdf.subheading(block.title, shapes.height);
          pdf.chart(shapes);
          break;
        }
      }
    }
  }
  return pdf.finish(title);
}
