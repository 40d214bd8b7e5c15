import fs from "node:fs";
import * as fontkit from "fontkit";

/** One font file a PDF's text can be set in, with what it can show. */
export interface PdfFace {
  /** The name the document registers it under. */
  name: string;
  data: Buffer;
  /** Emoji faces come first for a cluster asking for emoji presentation (U+FE0F). */
  emoji: boolean;
  /** Ascent, descent (negative) and line gap in ems, for baselines and line heights. */
  metrics: { ascent: number; descent: number; lineGap: number };
  hasCodePoint(codePoint: number): boolean;
}

/** The faces of one weight: the main font first, then the fallbacks for glyphs it lacks. */
export type PdfFaces = readonly PdfFace[];

export interface PdfFontSet {
  regular: PdfFaces;
  bold: PdfFaces;
}

export interface TextRun {
  face: PdfFace;
  text: string;
}

// Shipped as npm packages (exact versions), never read from the host, so a snapshot renders the same on every machine.
// DejaVu Sans covers Latin, Greek, Cyrillic, arrows and most symbols; the monochrome Noto Emoji covers emoji (✅, 🚀).
// TrueType, not WOFF: fontkit inflates a WOFF table on every glyph read, which made one report's subset take seconds.
const FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  emoji: require.resolve("@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf"),
  emojiBold: require.resolve("@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf"),
};

/** Characters that only shape their neighbours (variation selectors, joiners): any face may carry them. */
const MODIFIERS = new Set([0xfe0e, 0xfe0f, 0x200d, 0x20e3]);
const EMOJI_PRESENTATION = "\ufe0f";

function face(name: string, file: string, emoji: boolean): PdfFace {
  const data = fs.readFileSync(file);
  const font = fontkit.create(data) as fontkit.Font;
  const known = new Map<number, boolean>();
  return {
    name,
    data,
    emoji,
    metrics: {
      ascent: font.ascent / font.unitsPerEm,
      descent: font.descent / font.unitsPerEm,
      lineGap: font.lineGap / font.unitsPerEm,
    },
    hasCodePoint(codePoint) {
      let has = known.get(codePoint);
      if (has === undefined)
        known.set(codePoint, (has = MODIFIERS.has(codePoint) || font.hasGlyphForCodePoint(codePoint)));
      return has;
    },
  };
}

let loaded: PdfFontSet | undefined;

/** The report fonts, read once per process. */
export function reportFonts(): PdfFontSet {
  loaded ??= {
    regular: [face("Body", FILES.regular, false), face("Emoji", FILES.emoji, true)],
    bold: [face("Body-Bold", FILES.bold, false), face("Emoji-Bold", FILES.emojiBold, true)],
  };
  return loaded;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function faceFor(cluster: string, faces: PdfFaces): PdfFace {
  const ordered = cluster.includes(EMOJI_PRESENTATION)
    ? [...faces.filter((f) => f.emoji), ...faces.filter((f) => !f.emoji)]
    : faces;
  const codePoints = [...cluster].map((char) => char.codePointAt(0)!);
  // A character no face has is left to the main face, which shows its "missing glyph" box.
  return ordered.find((f) => codePoints.every((cp) => f.hasCodePoint(cp))) ?? faces[0];
}

/**
 * Splits text into runs, each set in the first face that has every glyph of it, so a character the main font lacks
 * ("✅") falls back to the next face while the rest stays in the main one. Grapheme clusters (👍🏽, 1️⃣) stay whole.
 */
export function textRuns(text: string, faces: PdfFaces): TextRun[] {
  const main = faces[0];
  // Most text needs nothing but the main face: one pass over its code points, no segmentation.
  if (!text.includes(EMOJI_PRESENTATION) && [...text].every((char) => main.hasCodePoint(char.codePointAt(0)!))) {
    return text === "" ? [] : [{ face: main, text }];
  }
  const runs: TextRun[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const chosen = faceFor(segment, faces);
    const last = runs[runs.length - 1];
    if (last?.face === chosen) last.text += segment;
    else runs.push({ face: chosen, text: segment });
  }
  return runs;
}
