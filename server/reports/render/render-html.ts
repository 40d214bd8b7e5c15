import type { ReportModel } from "../model/report-model";
import { escapeHtml } from "./escape-html";
import { buildReportSections, reportSubtitle, reportTitle, type ReportBlock } from "./report-sections";
import { renderSvgChart } from "./svg-charts";

// Margins fit both A4 and Letter, so one document prints on either; rows and charts never split across pages.
const STYLE = `
*{box-sizing:border-box}
body{font-family:"Helvetica Neue",Arial,"Liberation Sans",sans-serif;color:#1d2733;margin:0 auto;max-width:960px;padding:24px;line-height:1.4;font-size:14px}
h1{font-size:24px;margin:0 0 4px}
.subtitle{color:#5b6673;margin:0 0 24px}
h2{font-size:19px;border-bottom:2px solid #2f6fb3;padding-bottom:4px;margin:28px 0 12px}
h3{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse;width:100%;margin:0 0 12px;font-size:13px}
table.narrow{width:auto;min-width:40%}
th,td{border:1px solid #d6dde6;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#eef2f7}
ul{margin:0 0 12px;padding-left:20px}
figure{margin:0 0 12px}
figcaption{font-weight:bold;font-size:14px;margin:0 0 4px}
svg text{font-family:inherit}
@page{margin:18mm 16mm}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  h2,h3,figcaption{break-after:avoid;page-break-after:avoid}
  tr,figure,li{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  section{break-inside:auto}
}`;

function renderBlock(model: ReportModel, block: ReportBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "list": {
      const heading = block.title ? `<h3>${escapeHtml(block.title)}</h3>` : "";
      return `${heading}<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    }
    case "table": {
      const head = block.headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join("");
      const body = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`)
        .join("");
      // Two-column tables (figures, weeks, lists) stay compact instead of stretching their values far from their labels.
      const narrow = block.headers.length <= 2 ? ' class="narrow"' : "";
      return `<h3>${escapeHtml(block.title)}</h3><table${narrow}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    case "chart":
      return `<figure><figcaption>${escapeHtml(block.title)}</figcaption>${renderSvgChart(model, block.chart, block.title)}</figure>`;
  }
}

/** The report as one self-contained HTML document: inline CSS and SVG charts, every model string escaped. */
export function renderHtml(model: ReportModel): string {
  const title = reportTitle(model);
  const sections = buildReportSections(model)
    .map(
      (section) =>
        `<section id="section-${section.number}"><h2>${section.number}. ${escapeHtml(section.title)}</h2>${section.blocks
          .map((block) => renderBlock(model, block))
          .join("\n")}</section>`,
    )
    .join("\n");
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="subtitle">${escapeHtml(reportSubtitle(model))}</p></header>`,
    `<main>${sections}</main>`,
    "</body></html>",
    "",
  ].join("\n");
}
