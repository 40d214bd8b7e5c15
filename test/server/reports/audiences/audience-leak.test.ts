import JSZip from "jszip";
import type { Audience } from "../../../../shared/loop/audience";
import { loadReportModel } from "../../../../server/reports/model/load-report-model";
import { renderReportFormat } from "../../../../server/reports/render/render-report-format";
import { SNAPSHOT_FORMATS, type SnapshotFormat } from "../../../../server/reports/snapshots/render-snapshot";
import { pdfText } from "../../../support/parse-pdf";
import { ACME_ONLY, APRIL_2, GLOBEX_ONLY, INTERNAL_ONLY, twoPartyBoard } from "../model/two-party-board";

/** Every value in a JSON document (its keys are the model's schema, the same for every audience, not content). */
function jsonValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonValues);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(jsonValues);
  return [String(value)];
}

/** A rendering as searchable text: the JSON's values, every CSV of the zip, the PDF's text. */
async function asText(format: SnapshotFormat, body: string | Buffer): Promise<string> {
  if (format === "pdf") return pdfText(body as Buffer);
  if (format === "json") return jsonValues(JSON.parse(String(body))).join("\n");
  if (format === "csv") {
    const zip = await JSZip.loadAsync(body as Buffer);
    const files = await Promise.all(Object.values(zip.files).map((f) => f.async("string")));
    return files.join("\n");
  }
  return String(body);
}

/**
 * Whether `text` shows `value`, ignoring case and all white space, so a value wrapped across PDF lines or table cells
 * is still found.
 */
function shows(text: string, value: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, "").toLowerCase();
  return squash(text).includes(squash(value));
}

/** Assessments only the team's copy has, by what they are: words of the values and of their labels. */
const ASSESSMENTS = [
  ...Object.values(INTERNAL_ONLY),
  "buy-in",
  "buy_in",
  "influence",
  "interest",
  "escalat",
  "difficult",
  "released",
  "owed an update",
  "overdue_days",
  "PM note",
];

const { board } = twoPartyBoard();
afterAll(() => board.close());

const rendered = new Map<string, string>();
beforeAll(async () => {
  for (const audience of ["internal", "client", "partner"] as Audience[]) {
    const model = loadReportModel(board.store, {
      boardId: board.boardId,
      month: "2026-03",
      audience,
      pmNote: `Budget at risk (${INTERNAL_ONLY.pmNote})`,
      now: APRIL_2,
    });
    for (const format of SNAPSHOT_FORMATS) {
      rendered.set(`${audience}/${format}`, await asText(format, (await renderReportFormat(model, format)).body));
    }
  }
}, 120_000);

describe.each(SNAPSHOT_FORMATS)("every audience's %s", (format) => {
  it("When internal, then it shows every internal value and both parties' records (so the search finds what is there)", () => {
    const text = rendered.get(`internal/${format}`)!;
    const missing = [...Object.values(INTERNAL_ONLY), ...ACME_ONLY, ...GLOBEX_ONLY].filter((v) => !shows(text, v));
    // CSV carries no PM note (the summary is not a table): everything else is there.
    expect(missing).toEqual(format === "csv" ? [INTERNAL_ONLY.pmNote] : []);
  });

  it("When for the client, then it shows Acme's records and none of our assessments or Globex's records", () => {
    const text = rendered.get(`client/${format}`)!;
    expect(ACME_ONLY.filter((v) => !shows(text, v))).toEqual([]);
    expect([...ASSESSMENTS, ...GLOBEX_ONLY].filter((v) => shows(text, v))).toEqual([]);
  });

  it("When for the partner, then it shows Globex's records and none of our assessments or Acme's records", () => {
    const text = rendered.get(`partner/${format}`)!;
    expect(GLOBEX_ONLY.filter((v) => !shows(text, v))).toEqual([]);
    expect([...ASSESSMENTS, ...ACME_ONLY].filter((v) => shows(text, v))).toEqual([]);
  });
});
