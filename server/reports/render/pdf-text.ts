import LineBreaker from "linebreak";
import { textRuns, type PdfFaces, type PdfFontSet } from "./pdf-fonts";

export type Weight = "regular" | "bold";

export interface TextStyle {
  weight: Weight;
  size: number;
  color?: string;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Text set across a main font and its fallbacks, which pdfkit cannot wrap or measure as one string: this measures,
 * wraps (at pdfkit's own UAX #14 break opportunities) and draws it run by run on one shared baseline.
 */
export class PdfText {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: PdfFontSet,
  ) {}

  private faces(style: TextStyle): PdfFaces {
    return this.fonts[style.weight];
  }

  /** The width of `text` on one line. */
  width(text: string, style: TextStyle): number {
    let width = 0;
    for (const run of textRuns(text, this.faces(style)))
      width += this.doc.font(run.face.name).fontSize(style.size).widthOfString(run.text);
    return width;
  }

  /** The distance between two lines' baselines: the main face's. */
  lineHeight(style: TextStyle): number {
    const { ascent, descent, lineGap } = this.faces(style)[0].metrics;
    return (ascent - descent + lineGap) * style.size;
  }

  /** Splits a word too long for any line at grapheme boundaries. */
  private breakWord(word: string, style: TextStyle, maxWidth: number): string[] {
    const pieces: string[] = [];
    let piece = "";
    for (const { segment } of graphemes.segment(word)) {
      if (piece !== "" && this.width(piece + segment, style) > maxWidth) {
        pieces.push(piece);
        piece = "";
      }
      piece += segment;
    }
    if (piece !== "") pieces.push(piece);
    return pieces;
  }

  /** The lines `text` wraps into within `maxWidth`; newlines always break. */
  lines(text: string, style: TextStyle, maxWidth: number): string[] {
    const lines: string[] = [];
    let line = "";
    let lineWidth = 0;
    const breaker = new LineBreaker(text);
    let from = 0;
    for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
      const segment = text.slice(from, found.position);
      from = found.position;
      const word = segment.replace(/\s+$/, "");
      if (line !== "" && lineWidth + this.width(word, style) > maxWidth) {
        lines.push(line.trimEnd());
        line = "";
        lineWidth = 0;
      }
      if (line === "" && this.width(word, style) > maxWidth) {
        const pieces = this.breakWord(word, style, maxWidth);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? "";
        lineWidth = this.width(line, style);
      } else {
        const kept = segment.replace(/[\r\n]+$/, "");
        line += kept;
        lineWidth += this.width(kept, style);
      }
      if (found.required) {
        lines.push(line.trimEnd());
        line = "";
        lineWidth = 0;
      }
    }
    if (line !== "" || lines.length === 0) lines.push(line.trimEnd());
    return lines;
  }

  /** The height `text` takes wrapped within `maxWidth`. */
  height(text: string, style: TextStyle, maxWidth: number): number {
    return this.lines(text, style, maxWidth).length * this.lineHeight(style);
  }

  /** Draws one line with its baseline at `baseline`, starting at `x`; the document's position is left as it was. */
  drawLine(text: string, style: TextStyle, x: number, baseline: number): void {
    const { x: docX, y: docY } = this.doc;
    if (style.color) this.doc.fillColor(style.color);
    let at = x;
    for (const run of textRuns(text, this.faces(style))) {
      this.doc.font(run.face.name).fontSize(style.size);
      this.doc.text(run.text, at, baseline, { lineBreak: false, baseline: "alphabetic" });
      at += this.doc.widthOfString(run.text);
    }
    this.doc.x = docX;
    this.doc.y = docY;
  }

  /** Draws `text` wrapped within `maxWidth` with its first line's top at `top`; returns the height it took. */
  draw(text: string, style: TextStyle, x: number, top: number, maxWidth: number): number {
    const lineHeight = this.lineHeight(style);
    const ascent = this.faces(style)[0].metrics.ascent * style.size;
    const lines = this.lines(text, style, maxWidth);
    lines.forEach((line, i) => this.drawLine(line, style, x, top + i * lineHeight + ascent));
    return lines.length * lineHeight;
  }
}
