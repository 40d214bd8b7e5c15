import JSZip from "jszip";
import { CSV_TABLES } from "../../../../server/reports/render/render-csv";
import { renderReportFormat } from "../../../../server/reports/render/render-report-format";
import { ReportError } from "../../../../server/reports/report-error";
import { sampleReportModel } from "../../../support/sample-report-model";

const model = sampleReportModel();
const stem = "monthly-report-website-relaunch-img-src-x-onerror-alert-1-2026-03";

describe("renderReportFormat", () => {
  it("gives JSON as the model itself", async () => {
    const file = await renderReportFormat(model, "json");
    expect(file.contentType).toBe("application/json; charset=utf-8");
    expect(file.filename).toBe(`${stem}.json`);
    expect(JSON.parse(file.body.toString())).toEqual(model);
  });

  it("gives HTML and Markdown as text with their content types", async () => {
    const html = await renderReportFormat(model, "html");
    expect(html.contentType).toBe("text/html; charset=utf-8");
    expect(html.body.toString()).toMatch(/^<!DOCTYPE html>/);
    const md = await renderReportFormat(model, "md");
    expect(md.contentType).toBe("text/markdown; charset=utf-8");
    expect(md.filename).toBe(`${stem}.md`);
  });

  it("gives a PDF on A4 by default and on Letter when asked", async () => {
    const a4 = await renderReportFormat(model, "pdf");
    const letter = await renderReportFormat(model, "pdf", { paper: "Letter" });
    expect(a4.contentType).toBe("application/pdf");
    expect(a4.filename).toBe(`${stem}-a4.pdf`);
    expect(letter.filename).toBe(`${stem}-letter.pdf`);
    expect(Buffer.isBuffer(a4.body) && a4.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a4.body.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    expect(letter.body.toString("latin1")).toContain("/MediaBox [0 0 612 792]");
  });

  it("gives the zip of every CSV table unless one table is named", async () => {
    const zip = await renderReportFormat(model, "csv");
    expect(zip.contentType).toBe("application/zip");
    expect(Object.keys((await JSZip.loadAsync(zip.body)).files)).toHaveLength(CSV_TABLES.length);
    const one = await renderReportFormat(model, "csv", { csvTable: "invoices" });
    expect(one.contentType).toBe("text/csv; charset=utf-8");
    expect(one.filename).toBe(`${stem}-invoices.csv`);
    expect(one.body.toString().split("\r\n")[0]).toMatch(/^category,card_id,number,amount/);
  });

  it("refuses an unknown CSV table, naming the tables there are", async () => {
    await expect(renderReportFormat(model, "csv", { csvTable: "secrets" })).rejects.toThrow(ReportError);
    await expect(renderReportFormat(model, "csv", { csvTable: "secrets" })).rejects.toThrow(/milestones, sprints/);
  });
});
