import JSZip from "jszip";
import {
  createRenderPool,
  defaultRenderThreads,
  type RenderPool,
} from "../../../../server/reports/pool/create-render-pool";
import { RenderBusyError } from "../../../../server/reports/pool/render-busy-error";
import { ReportError } from "../../../../server/reports/report-error";
import { renderReportFormat, type RenderedReport } from "../../../../server/reports/render/render-report-format";
import { sampleReportModel } from "../../../support/sample-report-model";

const model = sampleReportModel();

/** pdfkit stamps each file with the time it was made (CreationDate and the /ID derived from it); the rest is the content. */
function pdfContent(body: RenderedReport["body"]): string {
  return Buffer.from(body)
    .toString("latin1")
    .replace(/\(D:\d{14}Z\)/g, "(D:)")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
}

/** A zip stamps its entries with the time it was made; what it holds is each file's name and text. */
async function zipContent(body: RenderedReport["body"]): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(body);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) files[name] = await zip.files[name]!.async("string");
  return files;
}

let pool: RenderPool;
beforeAll(() => {
  pool = createRenderPool({ threads: 1 });
});
afterAll(async () => {
  await pool.close();
});

describe("createRenderPool", () => {
  it("renders JSON, HTML and Markdown through the pool exactly as in process", async () => {
    for (const format of ["json", "html", "md"] as const) {
      const [pooled, inProcess] = await Promise.all([pool.render(model, format), renderReportFormat(model, format)]);
      expect(pooled).toEqual(inProcess);
      expect(typeof pooled.body).toBe("string");
    }
  });

  // The render threads run at a lower priority: on a busy machine a PDF takes them longer than the usual 30 s budget.
  it("renders a PDF in either paper size through the pool as in process, as a Buffer", async () => {
    for (const paper of ["A4", "Letter"] as const) {
      const [pooled, inProcess] = await Promise.all([
        pool.render(model, "pdf", { paper }),
        renderReportFormat(model, "pdf", { paper }),
      ]);
      expect(Buffer.isBuffer(pooled.body)).toBe(true);
      expect({ ...pooled, body: pdfContent(pooled.body) }).toEqual({ ...inProcess, body: pdfContent(inProcess.body) });
    }
  }, 120_000);

  it("renders the CSV zip and a single CSV table through the pool as in process", async () => {
    const [pooledZip, zip] = await Promise.all([pool.render(model, "csv"), renderReportFormat(model, "csv")]);
    expect(Buffer.isBuffer(pooledZip.body)).toBe(true);
    expect(pooledZip.filename).toBe(zip.filename);
    expect(await zipContent(pooledZip.body)).toEqual(await zipContent(zip.body));
    const options = { csvTable: "invoices" };
    expect(await pool.render(model, "csv", options)).toEqual(await renderReportFormat(model, "csv", options));
  });

  it("throws the renderer's refusal as a ReportError with its code, as in process", async () => {
    const refusal = pool.render(model, "csv", { csvTable: "secrets" });
    await expect(refusal).rejects.toBeInstanceOf(ReportError);
    await expect(refusal).rejects.toMatchObject({
      code: "UNSUPPORTED_FORMAT",
      message: expect.stringMatching(/milestones, sprints/),
    });
  });

  it("refuses with RenderBusyError, rather than queueing without end, once its queue is full", async () => {
    const small = createRenderPool({ threads: 1, maxQueue: 1 });
    try {
      const accepted = [small.render(model, "md"), small.render(model, "md")];
      expect(small.pending()).toBe(2);
      await expect(small.render(model, "md")).rejects.toBeInstanceOf(RenderBusyError);
      await Promise.all(accepted);
      expect(small.pending()).toBe(0);
      expect(small.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    } finally {
      await small.close();
    }
  }, 120_000);

  it("leaves one of two cores to the event loop and takes at most four", () => {
    expect(defaultRenderThreads(2)).toBe(1);
    expect(defaultRenderThreads(1)).toBe(1);
    expect(defaultRenderThreads(64)).toBe(4);
  });
});
