import { escapeMarkdown } from "../../../../server/reports/render/escape-markdown";
import { renderMarkdown } from "../../../../server/reports/render/render-markdown";
import { SECTION_TITLES } from "../../../../server/reports/render/report-sections";
import { NON_ASCII_NAME, emptyReportModel, sampleReportModel } from "../../../support/sample-report-model";

const cellsOf = (line: string) => line.replace(/^\| | \|$/g, "").split(/(?<!\\)\|/);

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(sampleReportModel());
  const lines = markdown.split("\n");

  it("has a title and one level-two heading per section, in order", () => {
    expect(lines[0]).toMatch(/^# Monthly report: Website relaunch /);
    const headings = lines.filter((line) => line.startsWith("## "));
    expect(headings).toEqual(SECTION_TITLES.map((title, i) => `## ${i + 1}. ${title}`));
  });

  it("contains no raw HTML: every angle bracket from the data is escaped", () => {
    expect(markdown).not.toMatch(/(?<!\\)[<>]/);
    expect(markdown).toContain("\\<img src=x onerror=alert(1)\\>");
    expect(markdown).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(markdown).toContain(NON_ASCII_NAME);
  });

  it("escapes emphasis, table and heading characters in names", () => {
    expect(escapeMarkdown("a *b* _c_ | d # e [f](g) `h`")).toBe("a \\*b\\* \\_c\\_ \\| d \\# e \\[f\\](g) \\`h\\`");
    expect(escapeMarkdown("- list\nline")).toBe("\\- list line");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(escapeMarkdown("- cell", { startsLine: false })).toBe("- cell");
    expect(markdown).toContain("Sprint 4 accepted \\*fully\\* \\_on time\\_ \\| no carry-over");
  });

  it("writes well-formed tables: the same number of cells in every row as in the header", () => {
    let tables = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("| ") || lines[i - 1]?.startsWith("|")) continue;
      tables++;
      const width = cellsOf(lines[i]).length;
      expect(lines[i + 1]).toMatch(/^\|( --- \|)+$/);
      expect(cellsOf(lines[i + 1].replace(/ --- /g, " x ")).length).toBe(width);
      for (let j = i + 2; j < lines.length && lines[j].startsWith("|"); j++)
        expect(cellsOf(lines[j]).length).toBe(width);
    }
    expect(tables).toBeGreaterThanOrEqual(15);
  });

  it("gives the figures behind the stage chart as a table", () => {
    expect(markdown).toContain("| Planning | 1 | 3 |");
  });

  it("keeps free text with line breaks on one line", () => {
    expect(markdown).toContain("see notes; second line");
  });

  it("shows difficult stakeholders, escalations and stakeholder status only when the model carries them", () => {
    expect(markdown).toContain("**Difficult stakeholders**");
    expect(markdown).toContain("**Escalations**");
    const client = sampleReportModel();
    client.audience = "client";
    client.stakeholders = {
      rows: client.stakeholders.rows.map((row) => ({ ...row, status: undefined })),
      difficult: [],
      escalations: [],
      moves: [],
    };
    const section = renderMarkdown(client).split("## 5. Stakeholders")[1].split("## 6.")[0];
    expect(section).not.toContain("Difficult");
    expect(section).not.toContain("Escalations");
    expect(section).toContain("| Stakeholder | Type | Channel | Cadence | Updates | Last update |\n");
    expect(section).not.toContain("Buy-in");
    expect(section).not.toContain("Moves this month");
    expect(renderMarkdown(client)).toContain("_Client report ·");
  });

  it("says in a sentence when a section is empty", () => {
    const empty = renderMarkdown(emptyReportModel());
    expect(empty.split("\n").filter((line) => line.startsWith("## "))).toHaveLength(9);
    expect(empty).toContain("No sprint ran this month.");
    expect(empty).toContain("No documents or agreements are tracked on this board.");
  });
});
