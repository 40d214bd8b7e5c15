import type * as PdfJs from "pdfjs-dist";

// pdfjs-dist 3's legacy build is its CommonJS one; loading it warns that `canvas` (only needed to paint pages) is absent.
const pdfjs: typeof PdfJs = (() => {
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the legacy build has no typed entry point to import
    return require("pdfjs-dist/legacy/build/pdf.js");
  } finally {
    log.mockRestore();
  }
})();

export interface ParsedPdf {
  pages: { width: number; height: number; text: string }[];
  title: string | undefined;
}

/** A PDF read back as a reader sees it: each page's size and text (runs joined by one space), and its title. */
export async function parsePdf(buffer: Buffer): Promise<ParsedPdf> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  const pages: ParsedPdf["pages"] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ("str" in item ? item.str : ""))
      .join(" ")
      .replace(/\s+/g, " ");
    pages.push({ width: x1 - x0, height: y1 - y0, text });
  }
  const info = (await doc.getMetadata()).info as { Title?: string };
  await doc.destroy();
  return { pages, title: info.Title };
}

/** All of a PDF's text, pages joined. */
export async function pdfText(buffer: Buffer): Promise<string> {
  return (await parsePdf(buffer)).pages.map((page) => page.text).join(" ");
}
