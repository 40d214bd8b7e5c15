import JSZip from "jszip";
import { CSV_TABLES, renderCsvTables, renderCsvZip } from "../../../../server/reports/render/render-csv";
import { NON_ASCII_NAME, sampleReportModel } from "../../../support/sample-report-model";

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), independent of the writer under test. */
function parse(csv: string): string[][];
function parse(csv: string, options: { columns: true }): Record<string, string>[];
function parse(csv: string, options?: { columns: true }): string[][] | Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i];
    if (quoted && char === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && char === "\r" && csv[i + 1] === "\n") {
      records.push([...record, field]);
      record = [];
      field = "";
      i++;
    } else {
      field += char;
    }
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  if (!options?.columns) return records;
  const [headers, ...rows] = records;
  return rows.map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i]])));
}

const model = sampleReportModel();

const expectedRows: Record<(typeof CSV_TABLES)[number], number> = {
  milestones:
    model.milestones.hit.length +
    model.milestones.missed.length +
    model.milestones.slipped.length +
    model.milestones.dueNextMonth.length,
  sprints: model.sprints.length,
  "scope-decisions": model.scope.decisions.length + model.scope.outOfScope.length,
  "change-requests": model.scope.changeRequests.length,
  stakeholders: model.stakeholders.rows.length,
  "stakeholder-moves": model.stakeholders.moves.length,
  throughput: model.flow.throughputByWeek.length,
  "cycle-time": model.flow.cycleTimeDistribution.length,
  wip: model.flow.wipAtMonthEnd.length,
  "cumulative-flow": model.flow.cumulativeFlow.reduce((sum, day) => sum + day.lists.length, 0),
  documents: model.documents.length,
  invoices: model.invoicing.issued.length + model.invoicing.paid.length + model.invoicing.overdue.length,
};

describe("renderCsvTables", () => {
  const tables = renderCsvTables(model);

  it("writes one table per kind, each with a header row and one row per model row", () => {
    expect(tables.map((table) => table.name)).toEqual([...CSV_TABLES]);
    for (const table of tables) {
      const records: string[][] = parse(table.csv);
      expect(records[0].every((header) => /^[a-z_]+$/.test(header))).toBe(true);
      expect({ table: table.name, rows: records.length - 1 }).toEqual({
        table: table.name,
        rows: expectedRows[table.name],
      });
      for (const record of records) expect(record).toHaveLength(records[0].length);
    }
  });

  it("quotes fields with commas, quotes and newlines so they read back unchanged", () => {
    const documents = tables.find((table) => table.name === "documents")!;
    expect(documents.csv).toContain('"NDA, ""mutual"" <script>alert(1)</script>"');
    const sprints: Record<string, string>[] = parse(tables.find((table) => table.name === "sprints")!.csv, {
      columns: true,
    });
    expect(sprints[0].feedback).toBe(
      `${NON_ASCII_NAME} (positive): Loved it <script>alert(1)</script>\nMallory "><svg onload=alert(1)> (negative)`,
    );
    const scope: Record<string, string>[] = parse(tables.find((table) => table.name === "scope-decisions")!.csv, {
      columns: true,
    });
    expect(scope[0].rationale).toBe('Brand guideline, "v2", page 3 <script>alert(1)</script>');
  });

  it("lists the cycle-time bins in days, the last one open-ended", () => {
    const bins: Record<string, string>[] = parse(tables.find((table) => table.name === "cycle-time")!.csv, {
      columns: true,
    });
    expect(bins.map((row) => [row.from_days, row.to_days, row.cards])).toEqual([
      ["0", "1", "2"],
      ["1", "2", "3"],
      ["2", "4", "4"],
      ["4", "7", "3"],
      ["7", "14", "3"],
      ["14", "28", "2"],
      ["28", "", "0"],
    ]);
  });

  it("keeps raw values: calendar days, UTC instants and plain amounts with their currency", () => {
    const invoices: Record<string, string>[] = parse(tables.find((table) => table.name === "invoices")!.csv, {
      columns: true,
    });
    expect(invoices.map((row) => [row.number, row.amount, row.currency, row.issued_on])).toContainEqual([
      "INV-003",
      "1250.5",
      "USD",
      "2026-03-20",
    ]);
    const stakeholders: Record<string, string>[] = parse(tables.find((table) => table.name === "stakeholders")!.csv, {
      columns: true,
    });
    expect(stakeholders[0].last_update_at).toBe("2026-03-30T16:45:00.000Z");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    const hostile = sampleReportModel();
    hostile.documents = [{ name: '=HYPERLINK("http://x")', status: "draft", shared: false }];
    const documents: Record<string, string>[] = parse(
      renderCsvTables(hostile).find((table) => table.name === "documents")!.csv,
      { columns: true },
    );
    expect(documents[0].name).toBe('\'=HYPERLINK("http://x")');
  });
});

describe("renderCsvZip", () => {
  it("holds every table as <name>.csv with the same content", async () => {
    const zip = await JSZip.loadAsync(await renderCsvZip(model));
    expect(Object.keys(zip.files).sort()).toEqual(CSV_TABLES.map((name) => `${name}.csv`).sort());
    for (const table of renderCsvTables(model))
      expect(await zip.file(`${table.name}.csv`)!.async("string")).toBe(table.csv);
  });
});
