import PDFDocument from "pdfkit";
import type { ChartShapes } from "./chart-shapes";
import { findUnicodeFontFiles, foldToWinAnsi, type FontFiles } from "./pdf-fonts";

export type Paper = "A4" | "Letter";

const MARGIN = 50;
const BODY_SIZE = 10;
const TABLE_SIZE = 8.5;
const CELL_PAD = 3;
const FOOTER_SIZE = 8;

/** A report page writer over pdfkit (the only module importing it): flowing text, tables, charts, page numbers. */
export class PdfReportDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  private readonly regular: string;
  private readonly bold: string;
  /** Text as the fonts in use can show it. */
  private readonly fit: (text: string) => string;

  /** `fontFiles`: a TrueType pair to set the text in; null for Helvetica; absent to use the machine's Unicode font. */
  constructor(options: { paper: Paper; title: string; subject: string; fontFiles?: FontFiles | null }) {
    this.doc = new PDFDocument({
      size: options.paper === "A4" ? "A4" : "LETTER",
      margin: MARGIN,
      bufferPages: true,
      displayTitle: true,
      info: { Title: options.title, Subject: options.subject, Creator: "Stakeholder Loop" },
    });
    const chunks: Buffer[] = [];
    this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    // A Unicode font shows names like "Łódź" as written; Helvetica (WinAnsi only) needs them folded to "Lodz".
    const unicode = options.fontFiles === undefined ? findUnicodeFontFiles() : options.fontFiles;
    if (unicode) {
      this.doc.registerFont("Body", unicode.regular);
      this.doc.registerFont("Body-Bold", unicode.bold);
    }
    this.regular = unicode ? "Body" : "Helvetica";
    this.bold = unicode ? "Body-Bold" : "Helvetica-Bold";
    this.fit = unicode ? (text) => text : foldToWinAnsi;
    this.doc.font(this.regular).fontSize(BODY_SIZE);
  }

  get contentWidth(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(rawText: string, rawSubtitle: string): void {
    const [text, subtitle] = [this.fit(rawText), this.fit(rawSubtitle)];
    this.doc.font(this.bold).fontSize(18).fillColor("#1d2733").text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.2).font(this.regular).fontSize(9).fillColor("#5b6673").text(subtitle, { width: this.contentWidth });
    this.doc.fillColor("#1d2733").moveDown(1);
  }

  sectionHeading(rawText: string): void {
    const text = this.fit(rawText);
    this.ensureSpace(120);
    this.doc.moveDown(0.6).font(this.bold).fontSize(14).fillColor("#1d2733").text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.contentWidth, y).lineWidth(1.5).strokeColor("#2f6fb3").stroke();
    this.doc.y = y + 6;
  }

  /** A block title kept on one page with the first `following` points of what it introduces. */
  subheading(rawText: string, following = 40): void {
    const text = this.fit(rawText);
    this.ensureSpace(30 + following);
    this.doc.moveDown(0.3).font(this.bold).fontSize(11).text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.2);
  }

  paragraph(rawText: string): void {
    const text = this.fit(rawText);
    this.doc.font(this.regular).fontSize(BODY_SIZE).text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.5);
  }

  list(rawItems: string[]): void {
    const items = rawItems.map(this.fit);
    this.doc.font(this.regular).fontSize(BODY_SIZE);
    for (const item of items) {
      this.ensureSpace(this.doc.heightOfString(item, { width: this.contentWidth - 12 }));
      const y = this.doc.y;
      this.doc.text("•", MARGIN, y);
      this.doc.text(item, MARGIN + 12, y, { width: this.contentWidth - 12 });
    }
    this.doc.moveDown(0.5);
  }

  private columnWidths(headers: string[], rows: string[][]): number[] {
    const measure = (font: string, text: string) => this.doc.font(font).fontSize(TABLE_SIZE).widthOfString(text);
    const widestWord = (font: string, text: string) => Math.max(0, ...text.split(/\s+/).map((word) => measure(font, word)));
    const columns = headers.map((header, column) => {
      const cells = rows.map((row) => row[column] ?? "");
      const natural = Math.max(measure(this.bold, header), ...cells.map((cell) => measure(this.regular, cell)));
      // A column is never narrower than its longest word (up to a cap), so words do not split mid-way.
      const minimum = Math.min(90, Math.max(widestWord(this.bold, header), ...cells.map((cell) => widestWord(this.regular, cell))));
      return { natural: Math.min(natural, 220) + 2 * CELL_PAD + 1, minimum: minimum + 2 * CELL_PAD + 1 };
    });
    const total = columns.reduce((sum, column) => sum + column.natural, 0);
    // Narrow tables grow a little for air, but not to the full width, where their columns would drift apart.
    if (total <= this.contentWidth) return columns.map((column) => column.natural * Math.min(this.contentWidth / total, 1.6));
    const minimumTotal = columns.reduce((sum, column) => sum + column.minimum, 0);
    const spare = Math.max(0, this.contentWidth - minimumTotal);
    const extra = columns.map((column) => Math.max(0, column.natural - column.minimum));
    const extraTotal = extra.reduce((sum, width) => sum + width, 0) || 1;
    const widths = columns.map((column, i) => column.minimum + (extra[i] * spare) / extraTotal);
    const sum = widths.reduce((a, b) => a + b, 0);
    return widths.map((width) => (width * this.contentWidth) / sum);
  }

  private row(cells: string[], widths: number[], header: boolean): void {
    this.doc.font(header ? this.bold : this.regular).fontSize(TABLE_SIZE);
    const heights = cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i] - 2 * CELL_PAD }));
    const height = Math.max(...heights) + 2 * CELL_PAD;
    const y = this.doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      if (header) this.doc.rect(x, y, widths[i], height).fillColor("#eef2f7").fill();
      this.doc.rect(x, y, widths[i], height).lineWidth(0.5).strokeColor("#c4ccd6").stroke();
      this.doc.fillColor("#1d2733").text(cell, x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
      x += widths[i];
    });
    this.doc.x = MARGIN;
    this.doc.y = y + height;
  }

  private rowHeight(cells: string[], widths: number[]): number {
    this.doc.font(this.regular).fontSize(TABLE_SIZE);
    return Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  }

  /** A table whose rows never split across pages; the header row repeats on each new page. */
  table(rawHeaders: string[], rawRows: string[][]): void {
    const headers = rawHeaders.map(this.fit);
    const rows = rawRows.map((row) => row.map(this.fit));
    const widths = this.columnWidths(headers, rows);
    const headerHeight = this.rowHeight(headers, widths) + 2;
    this.ensureSpace(headerHeight + (rows.length > 0 ? this.rowHeight(rows[0], widths) : 0));
    this.row(headers, widths, true);
    for (const cells of rows) {
      const height = this.rowHeight(cells, widths);
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        this.row(headers, widths, true);
      }
      this.row(cells, widths, false);
    }
    this.doc.font(this.regular).fontSize(BODY_SIZE).moveDown(0.6);
  }

  /** Draws a laid-out chart at the current position, on a new page when it does not fit. */
  chart(shapes: ChartShapes): void {
    this.ensureSpace(shapes.height);
    const left = MARGIN;
    const top = this.doc.y;
    for (const line of shapes.grid) {
      this.doc.moveTo(left + line.x1, top + line.y1).lineTo(left + line.x2, top + line.y2).lineWidth(0.5).strokeColor(line.color).stroke();
    }
    for (const polygon of shapes.polygons) {
      const [first, ...rest] = polygon.points;
      if (!first) continue;
      this.doc.moveTo(left + first[0], top + first[1]);
      for (const [x, y] of rest) this.doc.lineTo(left + x, top + y);
      this.doc.closePath().fillOpacity(0.85).fillColor(polygon.color).fill().fillOpacity(1);
    }
    for (const rect of shapes.rects) this.doc.rect(left + rect.x, top + rect.y, rect.width, rect.height).fillColor(rect.color).fill();
    for (const line of shapes.lines) {
      this.doc.moveTo(left + line.x1, top + line.y1).lineTo(left + line.x2, top + line.y2).lineWidth(0.75).strokeColor(line.color).stroke();
    }
    this.doc.font(this.regular);
    for (const text of shapes.texts) {
      const label = this.fit(text.text);
      this.doc.fontSize(text.size).fillColor(text.color ?? "#1d2733");
      const width = this.doc.widthOfString(label);
      const x = text.anchor === "start" ? text.x : text.anchor === "middle" ? text.x - width / 2 : text.x - width;
      this.doc.text(label, left + x, top + text.y, { lineBreak: false, baseline: "alphabetic" });
    }
    this.doc.fillColor("#1d2733");
    this.doc.x = MARGIN;
    this.doc.y = top + shapes.height + 8;
    this.doc.fontSize(BODY_SIZE);
  }

  private fitted(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }

  /** Writes "Page i of n" and `footer` on every page, then ends the document. */
  async finish(footer: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page for it.
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0;
      const y = page.height - MARGIN / 2 - FOOTER_SIZE;
      this.doc.font(this.regular).fontSize(FOOTER_SIZE).fillColor("#5b6673");
      this.doc.text(this.fitted(this.fit(footer), this.contentWidth * 0.7), MARGIN, y, { lineBreak: false });
      this.doc.text(`Page ${i + 1} of ${range.count}`, MARGIN, y, { width: this.contentWidth, align: "right", lineBreak: false });
      page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.done;
  }
}
