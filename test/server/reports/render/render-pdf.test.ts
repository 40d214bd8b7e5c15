import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { renderPdf } from "../../../../server/reports/render/render-pdf";
import { reportFonts, textRuns } from "../../../../server/reports/render/pdf-fonts";
import { SECTION_TITLES } from "../../../../server/reports/render/report-sections";
import { SCREENSHOT_DIR } from "../../../support/browser";
import { parsePdf, type ParsedPdf } from "../../../support/parse-pdf";
import {
  BOARD_NAME,
  CENTRAL_EUROPEAN_NAME,
  NON_ASCII_NAME,
  emptyReportModel,
  sampleReportModel,
} from "../../../support/sample-report-model";

const GLYPH_BOARD = "✅ Done → Łódź €";
const GLYPH_LINE = "✅ Done in Łódź → €5 saved 🚀 👍🏽";

/** The base names of the fonts a PDF embeds (its subset prefix "ABCDEF+" dropped). */
function embeddedFonts(buffer: Buffer): string[] {
  const names = [...buffer.toString("latin1").matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([\w-]+)/g)].map(
    (match) => match[1],
  );
  return [...new Set(names)].sort();
}

function hasPdftoppm(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("renderPdf", () => {
  let a4: ParsedPdf;
  let letter: ParsedPdf;
  let a4Buffer: Buffer;

  beforeAll(async () => {
    a4Buffer = await renderPdf(sampleReportModel(), { paper: "A4" });
    a4 = await parsePdf(a4Buffer);
    letter = await parsePdf(await renderPdf(sampleReportModel(), { paper: "Letter" }));
  });

  it("is a PDF titled with the board and month", () => {
    expect(a4Buffer.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a4.title).toBe(`Monthly report: ${BOARD_NAME}, March 2026`);
  });

  it("numbers every page as 'Page i of n', n being the page count, over several pages", () => {
    for (const pdf of [a4, letter]) {
      expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
      pdf.pages.forEach((page, i) => expect(page.text).toContain(`Page ${i + 1} of ${pdf.pages.length}`));
    }
    // Letter is shorter than A4, so the same content never needs fewer Letter pages.
    expect(letter.pages.length).toBeGreaterThanOrEqual(a4.pages.length);
  });

  it("uses A4 and Letter page sizes", () => {
    expect(a4.pages[0].width).toBeCloseTo(595.28, 1);
    expect(a4.pages[0].height).toBeCloseTo(841.89, 1);
    expect(letter.pages[0].width).toBeCloseTo(612, 1);
    expect(letter.pages[0].height).toBeCloseTo(792, 1);
  });

  it("contains the board name, every section title in order and the non-ASCII name", () => {
    for (const pdf of [a4, letter]) {
      const text = pdf.pages.map((page) => page.text).join(" ");
      expect(text).toContain("Website relaunch");
      expect(text).toContain("<img src=x onerror=alert(1)>");
      expect(text).toContain(NON_ASCII_NAME);
      let from = 0;
      SECTION_TITLES.forEach((title, i) => {
        const at = text.indexOf(`${i + 1}. ${title}`, from);
        expect(at).toBeGreaterThanOrEqual(from);
        from = at;
      });
    }
  });

  it("shows names beyond Latin-1 as written", () => {
    const text = a4.pages.map((page) => page.text).join(" ");
    expect(text).toContain(CENTRAL_EUROPEAN_NAME);
  });

  it("sets emoji, arrows, the euro sign and Polish letters in the shipped fonts, each glyph from a font that has it", async () => {
    const model = sampleReportModel();
    model.board.name = GLYPH_BOARD;
    model.summary.highlights = [GLYPH_LINE];
    const buffer = await renderPdf(model, { paper: "A4" });
    const pdf = await parsePdf(buffer);
    const text = pdf.pages.map((page) => page.text).join(" ");
    // The text extracts back as written: every character was set in a font with a glyph (and a mapping) for it. (A
    // skin-tone sequence is one glyph, which the PDF maps back to its first character only.)
    for (const word of ["✅", "Done", "Łódź", "→", "€5", "🚀", "👍"]) expect(text).toContain(word);
    expect(pdf.title).toBe(`Monthly report: ${GLYPH_BOARD}, March 2026`);
    const fonts = embeddedFonts(buffer);
    expect(fonts).toEqual(
      expect.arrayContaining(["DejaVuSans", "DejaVuSans-Bold", "NotoEmoji-Regular", "NotoEmoji-Bold"]),
    );
  });

  it("splits text into runs by which font has the glyph, keeping emoji sequences whole", () => {
    const { regular } = reportFonts();
    const runs = (text: string) => textRuns(text, regular).map((run) => [run.face.name, run.text]);
    expect(runs("Łódź → €5")).toEqual([["Body", "Łódź → €5"]]);
    expect(runs("✅ Done")).toEqual([
      ["Emoji", "✅"],
      ["Body", " Done"],
    ]);
    expect(runs("Ship 👍🏽🚀!")).toEqual([
      ["Body", "Ship "],
      ["Emoji", "👍🏽🚀"],
      ["Body", "!"],
    ]);
    // With U+FE0F a character both fonts have is asked for as emoji; without it, the text font's glyph is kept.
    expect(runs("⚠️ risk ⚠")).toEqual([
      ["Emoji", "⚠️"],
      ["Body", " risk ⚠"],
    ]);
    expect(runs("")).toEqual([]);
  });

  it("still has nine sections, each saying it is empty, for a quiet month", async () => {
    const pdf = await parsePdf(await renderPdf(emptyReportModel(), { paper: "A4" }));
    const text = pdf.pages.map((page) => page.text).join(" ");
    for (const title of SECTION_TITLES) expect(text).toContain(title);
    expect(text).toContain("No sprint ran this month.");
    expect(text).toContain("Page 1 of 1");
  });

  (hasPdftoppm() ? it : it.skip)("renders its pages to PNG for a look", () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdfFile = path.join(SCREENSHOT_DIR, "report-pdf-a4.pdf");
    fs.writeFileSync(pdfFile, a4Buffer);
    execFileSync("pdftoppm", ["-png", "-r", "60", pdfFile, path.join(SCREENSHOT_DIR, "report-pdf-a4")]);
    const pngs = fs.readdirSync(SCREENSHOT_DIR).filter((name) => /^report-pdf-a4-\d+\.png$/.test(name));
    expect(pngs.length).toBe(a4.pages.length);
  });
});
