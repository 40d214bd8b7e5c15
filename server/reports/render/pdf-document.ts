import PDFDocument from "pdfkit";
import type { ChartShapes } from "./chart-shapes";
import { reportFonts } from "./pdf-fonts";
import { PdfText, type TextStyle } from "./pdf-text";

export type Paper = "A4" | "Letter";

const MARGIN = 50;
const BODY_SIZE = 10;
const TABLE_SIZE = 8.5;
const CELL_PAD = 3;
const FOOTER_SIZE = 8;
const INK = "#1d2733";
const MUTED = "#5b6673";
const BODY: TextStyle = { weight: "regular", size: BODY_SIZE, color: INK };
const TABLE_HEAD: TextStyle = { weight: "bold", size: TABLE_SIZE, color: INK };
const TABLE_CELL: TextStyle = { weight: "regular", size: TABLE_SIZE, color: INK };

/** A report page writer over pdfkit (the only module importing it): flowing text, tables, charts, page numbers. */
export class PdfReportDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  private readonly text: PdfText;

  constructor(options: { paper: Paper; title: string; subject: string }) {
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
    const fonts = reportFonts();
    for (const face of [...fonts.regular, ...fonts.bold]) this.doc.registerFont(face.name, face.data);
    this.text = new PdfText(this.doc, fonts);
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

  /** Writes wrapped text at the left margin from the current position and moves below it. */
  private flow(text: string, style: TextStyle, indent = 0): void {
    this.doc.y += this.text.draw(text, style, MARGIN + indent, this.doc.y, this.contentWidth - indent);
  }

  title(text: string, subtitle: string): void {
    this.flow(text, { weight: "bold", size: 18, color: INK });
    this.doc.y += 3;
    this.flow(subtitle, { weight: "regular", size: 9, color: MUTED });
    this.doc.y += BODY_SIZE;
  }

  sectionHeading(text: string): void {
    this.ensureSpace(120);
    this.doc.y += 8;
    this.flow(text, { weight: "bold", size: 14, color: INK });
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.contentWidth, y)
      .lineWidth(1.5)
      .strokeColor("#2f6fb3")
      .stroke();
    this.doc.y = y + 6;
  }

  /** A block title kept on one page with the first `following` points of what it introduces. */
  subheading(text: string, following = 40): void {
    this.ensureSpace(30 + following);
    this.doc.y += 4;
    this.flow(text, { weight: "bold", size: 11, color: INK });
    this.doc.y += 3;
  }

  paragraph(text: string): void {
    this.flow(text, BODY);
    this.doc.y += BODY_SIZE / 2;
  }

  list(items: string[]): void {
    for (const item of items) {
      this.ensureSpace(this.text.height(item, BODY, this.contentWidth - 12));
      this.text.draw("•", BODY, MARGIN, this.doc.y, 12);
      this.flow(item, BODY, 12);
    }
    this.doc.y += BODY_SIZE / 2;
  }

  private columnWidths(headers: string[], rows: string[][]): number[] {
    const widestWord = (style: TextStyle, text: string) =>
      Math.max(0, ...text.split(/\s+/).map((word) => this.text.width(word, style)));
    const columns = headers.map((header, column) => {
      const cells = rows.map((row) => row[column] ?? "");
      const natural = Math.max(
        this.text.width(header, TABLE_HEAD),
        ...cells.map((cell) => this.text.width(cell, TABLE_CELL)),
      );
      // A column is never narrower than its longest word (up to a cap), so words do not split mid-way.
      const minimum = Math.min(
        90,
        Math.max(widestWord(TABLE_HEAD, header), ...cells.map((cell) => widestWord(TABLE_CELL, cell))),
      );
      return { natural: Math.min(natural, 220) + 2 * CELL_PAD + 1, minimum: minimum + 2 * CELL_PAD + 1 };
    });
    const total = columns.reduce((sum, column) => sum + column.natural, 0);
    // Narrow tables grow a little for air, but not to the full width, where their columns would drift apart.
    if (total <= this.contentWidth)
      return columns.map((column) => column.natural * Math.min(this.contentWidth / total, 1.6));
    const minimumTotal = columns.reduce((sum, column) => sum + column.minimum, 0);
    const spare = Math.max(0, this.contentWidth - minimumTotal);
    const extra = columns.map((column) => Math.max(0, column.natural - column.minimum));
    const extraTotal = extra.reduce((sum, width) => sum + width, 0) || 1;
    const widths = columns.map((column, i) => column.minimum + (extra[i] * spare) / extraTotal);
    const sum = widths.reduce((a, b) => a + b, 0);
    return widths.map((width) => (width * this.contentWidth) / sum);
  }

  private rowHeight(cells: string[], widths: number[], style: TextStyle): number {
    return Math.max(...cells.map((cell, i) => this.text.height(cell, style, widths[i] - 2 * CELL_PAD))) + 2 * CELL_PAD;
  }

  private row(cells: string[], widths: number[], header: boolean): void {
    const style = header ? TABLE_HEAD : TABLE_CELL;
    const height = this.rowHeight(cells, widths, style);
    const y = this.doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      if (header) this.doc.rect(x, y, widths[i], height).fillColor("#eef2f7").fill();
      this.doc.rect(x, y, widths[i], height).lineWidth(0.5).strokeColor("#c4ccd6").stroke();
      this.text.draw(cell, style, x + CELL_PAD, y + CELL_PAD, widths[i] - 2 * CELL_PAD);
      x += widths[i];
    });
    this.doc.y = y + height;
  }

  /** A table whose rows never split across pages; the header row repeats on each new page. */
  table(headers: string[], rows: string[][]): void {
    const widths = this.columnWidths(headers, rows);
    const headerHeight = this.rowHeight(headers, widths, TABLE_HEAD) + 2;
    this.ensureSpace(headerHeight + (rows.length > 0 ? this.rowHeight(rows[0], widths, TABLE_CELL) : 0));
    this.row(headers, widths, true);
    for (const cells of rows) {
      if (this.doc.y + this.rowHeight(cells, widths, TABLE_CELL) > this.bottom) {
        this.doc.addPage();
        this.row(headers, widths, true);
      }
      this.row(cells, widths, false);
    }
    this.doc.y += TABLE_SIZE;
  }

  /** Draws a laid-out chart at the current position, on a new page when it does not fit. */
  chart(shapes: ChartShapes): void {
    this.ensureSpace(shapes.height);
    const left = MARGIN;
    const top = this.doc.y;
    const stroke = (line: ChartShapes["lines"][number], width: number) =>
      this.doc
        .moveTo(left + line.x1, top + line.y1)
        .lineTo(left + line.x2, top + line.y2)
        .lineWidth(width)
        .strokeColor(line.color)
        .stroke();
    for (const line of shapes.grid) stroke(line, 0.5);
    for (const polygon of shapes.polygons) {
      const [first, ...rest] = polygon.points;
      if (!first) continue;
      this.doc.moveTo(left + first[0], top + first[1]);
      for (const [x, y] of rest) this.doc.lineTo(left + x, top + y);
      this.doc.closePath().fillOpacity(0.85).fillColor(polygon.color).fill().fillOpacity(1);
    }
    for (const rect of shapes.rects)
      this.doc
        .rect(left + rect.x, top + rect.y, rect.width, rect.height)
        .fillColor(rect.color)
        .fill();
    for (const line of shapes.lines) stroke(line, 0.75);
    for (const label of shapes.texts) {
      const style: TextStyle = { weight: "regular", size: label.size, color: label.color ?? INK };
      const width = this.text.width(label.text, style);
      const x = label.anchor === "start" ? label.x : label.anchor === "middle" ? label.x - width / 2 : label.x - width;
      this.text.drawLine(label.text, style, left + x, top + label.y);
    }
    this.doc.y = top + shapes.height + 8;
  }

  private fitted(text: string, style: TextStyle, width: number): string {
    if (this.text.width(text, style) <= width) return text;
    // Cut by code points, so an emoji is never split into half a surrogate pair.
    const chars = [...text];
    while (chars.length > 1 && this.text.width(`${chars.join("")}…`, style) > width) chars.pop();
    return `${chars.join("").trimEnd()}…`;
  }

  /** Writes "Page i of n" and `footer` on every page, then ends the document. */
  async finish(footer: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    const style: TextStyle = { weight: "regular", size: FOOTER_SIZE, color: MUTED };
    const line = this.fitted(footer, style, this.contentWidth * 0.7);
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page for it.
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0;
      const baseline = page.height - MARGIN / 2;
      this.text.drawLine(line, style, MARGIN, baseline);
      const number = `Page ${i + 1} of ${range.count}`;
      this.text.drawLine(number, style, MARGIN + this.contentWidth - this.text.width(number, style), baseline);
      page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.done;
  }
}
