import type { Browser, Page } from "playwright-core";
import { renderHtml } from "../../../../server/reports/render/render-html";
import { SECTION_TITLES } from "../../../../server/reports/render/report-sections";
import { launchBrowser, saveScreenshot } from "../../../support/browser";
import {
  BOARD_NAME,
  NON_ASCII_NAME,
  XSS_PAYLOADS,
  emptyReportModel,
  sampleReportModel,
} from "../../../support/sample-report-model";

describe("renderHtml", () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setContent(renderHtml(sampleReportModel()), { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("runs none of the script payloads hidden in names and free text", async () => {
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(0);
    // The only SVG elements are the four charts the renderer draws.
    expect(await page.locator("svg").count()).toBe(4);
    expect(await page.locator("svg.chart").count()).toBe(4);
  });

  it("shows every payload, the board name and the non-ASCII name as visible text", async () => {
    const text = await page.locator("body").innerText();
    for (const payload of XSS_PAYLOADS) expect(text).toContain(payload);
    expect(text).toContain(BOARD_NAME);
    expect(text).toContain(NON_ASCII_NAME);
    expect(await page.title()).toContain(BOARD_NAME);
  });

  it("has the nine section headings in order", async () => {
    const headings = await page.locator("h2").allInnerTexts();
    expect(headings).toEqual(SECTION_TITLES.map((title, i) => `${i + 1}. ${title}`));
  });

  it("shows readable dates, instants in the board's zone and both currencies", async () => {
    const text = await page.locator("body").innerText();
    expect(text).toContain("4 Mar 2026");
    expect(text).not.toContain("2026-03-04");
    // 16:45 UTC on 30 March is 18:45 in Berlin (summer time began on 29 March).
    expect(text).toContain("30 Mar 2026, 18:45");
    expect(text).toContain("€4,800.00");
    expect(text).toContain("US$1,250.50");
  });

  it("draws one bar per week, one per cycle-time bin, one area per list and one bar pair per stage", async () => {
    const model = sampleReportModel();
    expect(await page.locator("svg.chart-throughput rect").count()).toBe(model.flow.throughputByWeek.length);
    expect(await page.locator("svg.chart-cycle-time rect").count()).toBe(model.flow.cycleTimeDistribution.length);
    expect(await page.locator("svg.chart-cumulative-flow polygon").count()).toBe(model.flow.wipAtMonthEnd.length);
    expect(await page.locator("svg.chart-stages rect").count()).toBe(2 * model.milestones.stages.length);
  });

  it("sets chart labels at 11 px or more, on screen and on an A4 page", async () => {
    // Evaluated in the page (as text: the tests' TypeScript has no DOM types): each label's size as drawn, in CSS px.
    const smallestLabelPx = () =>
      page.evaluate<number>(`Math.min(...[...document.querySelectorAll("svg.chart")].flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll("text")].map((text) => Number(text.getAttribute("font-size")) * scale);
      }))`);
    expect(await smallestLabelPx()).toBeGreaterThanOrEqual(11);
    // A4 less the 16 mm side margins is 178 mm, 673 CSS px, across.
    await page.setViewportSize({ width: 673, height: 900 });
    await page.emulateMedia({ media: "print" });
    try {
      expect(await smallestLabelPx()).toBeGreaterThanOrEqual(11);
    } finally {
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 1100, height: 900 });
    }
  });

  it("draws the cumulative-flow bands down to the x axis, with 0 beside it", async () => {
    const geometry = await page.evaluate<{
      axisY: number;
      bandsBottom: number;
      zeroTop: number;
      zeroBottom: number;
    }>(`(() => {
      const svg = document.querySelector("svg.chart-cumulative-flow");
      const flat = [...svg.querySelectorAll("line")].filter((l) => l.getAttribute("y1") === l.getAttribute("y2"));
      const axisY = Math.max(...flat.map((l) => Number(l.getAttribute("y1"))));
      const bandsBottom = Math.max(...[...svg.querySelectorAll("polygon")].map((p) => p.getBBox().y + p.getBBox().height));
      const zero = [...svg.querySelectorAll("text")].find((t) => t.textContent === "0").getBBox();
      return { axisY, bandsBottom, zeroTop: zero.y, zeroBottom: zero.y + zero.height };
    })()`);
    expect(Math.abs(geometry.bandsBottom - geometry.axisY)).toBeLessThan(0.5);
    expect(geometry.zeroTop).toBeLessThan(geometry.axisY);
    expect(geometry.zeroBottom).toBeGreaterThan(geometry.axisY);
  });

  it("keeps table rows and charts whole when printed", () => {
    const html = renderHtml(sampleReportModel());
    expect(html).toMatch(/@media print\{[^]*tr,figure,li\{break-inside:avoid/);
    expect(html).toMatch(/@page\{margin:/);
  });

  it("renders a readable page, saved as a screenshot", async () => {
    const file = await saveScreenshot(page, "report-html-sample");
    expect(file).toMatch(/report-html-sample\.png$/);
  });

  it("says in a sentence when a section has nothing to show", async () => {
    const empty = await browser.newPage();
    await empty.setContent(renderHtml(emptyReportModel()));
    expect(await empty.locator("h2").count()).toBe(9);
    const text = await empty.locator("body").innerText();
    expect(text).toContain("No sprint ran this month.");
    expect(text).toContain("No invoices were issued, paid or overdue this month.");
    expect(text).toContain("Nothing is planned for next month yet.");
    expect(await empty.locator("svg").count()).toBe(0);
    await saveScreenshot(empty, "report-html-empty");
    await empty.close();
  });
});
