import type { ReportModel } from "../model/report-model";
import { escapeMarkdown } from "./escape-markdown";
import { buildReportSections, reportSubtitle, reportTitle, type ReportBlock } from "./report-sections";

// Text after "# " or "| " cannot open a list or heading; a list item can (nested lists), so items are escaped in full.
const INLINE = { startsLine: false };

function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((cell) => escapeMarkdown(cell, INLINE)).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => " --- ").join("|")}|`, ...rows.map(line)];
}

function renderBlock(block: ReportBlock): string[] {
  switch (block.kind) {
    case "paragraph":
      return [escapeMarkdown(block.text), ""];
    case "list":
      return [
        ...(block.title ? [`**${escapeMarkdown(block.title, INLINE)}**`, ""] : []),
        ...block.items.map((item) => `- ${escapeMarkdown(item)}`),
        "",
      ];
    case "table":
      return [`**${escapeMarkdown(block.title, INLINE)}**`, "", ...table(block.headers, block.rows), ""];
    case "chart":
      // Throughput and flow have tables of their own beside the chart; the stage chart brings its figures.
      return block.figures
        ? [`**${escapeMarkdown(block.title, INLINE)}**`, "", ...table(block.figures.headers, block.figures.rows), ""]
        : [];
  }
}

/** The report as Markdown for email or chat: headings, short tables, no HTML, names escaped. */
export function renderMarkdown(model: ReportModel): string {
  const lines = [
    `# ${escapeMarkdown(reportTitle(model), INLINE)}`,
    "",
    `_${escapeMarkdown(reportSubtitle(model), INLINE)}_`,
    "",
  ];
  for (const section of buildReportSections(model)) {
    lines.push(`## ${section.number}. ${escapeMarkdown(section.title, INLINE)}`, "");
    for (const block of section.blocks) lines.push(...renderBlock(block));
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
