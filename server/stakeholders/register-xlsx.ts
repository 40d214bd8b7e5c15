import ExcelJS from "exceljs";
import type { RegisterCell } from "./register-rows";

// A text cell a spreadsheet would run as a formula is kept as text: exceljs writes strings as strings, never formulas.

/** The register as an XLSX workbook (one sheet, bold frozen header, filters); the only module importing exceljs. */
export async function registerXlsx(columns: readonly string[], rows: RegisterCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Stakeholder Loop";
  const sheet = workbook.addWorksheet("Stakeholders", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({
    header,
    key: header,
    width: Math.min(Math.max(header.length + 2, 12), 40),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
