import type { Browser, FrameLocator, Page } from "playwright-core";
import { launchBrowser, openPage, saveScreenshot, type OpenedPage } from "../support/browser";
import { startDevHostStack, type DevHostStack } from "../support/dev-host-stack";

// Each test drives Chromium through the dev host on a shared, busy machine.
jest.setTimeout(60_000);

let browser: Browser;
let stack: DevHostStack;
let opened: OpenedPage | undefined;

/** The month before now, as the page picks it by default (the board's time zone is UTC until set). */
function previousMonth(): { month: string; day: (n: number) => number } {
  const now = new Date();
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  return { month: new Date(first).toISOString().slice(0, 7), day: (n) => first + (n - 1) * 86_400_000 + 12 * 3_600_000 };
}
const last = previousMonth();

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startDevHostStack()]);
  // Last month on the board: three cards created, two of them finished, one comment.
  const { sim, lists } = stack;
  const card = (name: string, day: number) => String(sim.createCard(lists.todo, { name, at: last.day(day) }).id);
  const brief = card("Write the brief", 3);
  const wireframes = card("Wireframes", 4);
  card("Hosting quote", 5);
  sim.addComment(brief, "Agreed with Dana", { at: last.day(6) });
  sim.moveCard(brief, lists.done, { at: last.day(10) });
  sim.moveCard(wireframes, lists.done, { at: last.day(12) });
  await stack.settle();
}, 60_000);

afterEach(async () => {
  await opened?.page.context().close();
  opened = undefined;
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openReport(): Promise<{ page: Page; modal: FrameLocator }> {
  opened = await openPage(browser, stack.devHostUrl);
  const { page } = opened;
  page.setDefaultTimeout(20_000);
  await page.getByRole("button", { name: "Monthly report" }).click();
  const modal = page.frameLocator('iframe[data-frame="modal"]');
  await modal.getByRole("heading", { name: "Monthly report" }).waitFor();
  return { page, modal };
}

const figure = (modal: FrameLocator, name: string) => modal.locator(`dd[data-figure="${name}"]`).innerText();

describe("the Monthly report modal", () => {
  it("shows last month's figures from the service for the board", async () => {
    const { page, modal } = await openReport();
    await expect(modal.getByLabel("Month").inputValue()).resolves.toBe(last.month);
    await expect(modal.getByLabel("Audience").inputValue()).resolves.toBe("internal");
    await expect(modal.getByLabel("Time zone").inputValue()).resolves.toBe("UTC");
    await modal.getByRole("button", { name: "Show report" }).click();

    const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(last.day(1));
    await modal.getByRole("heading", { name: `ACME rollout: ${monthName}` }).waitFor();
    await expect(figure(modal, "Cards created")).resolves.toBe("3");
    await expect(figure(modal, "Cards completed")).resolves.toBe("2");
    await expect(figure(modal, "Comments")).resolves.toBe("1");
    await modal.getByText("The full report, with every section and as a PDF, comes from the Stakeholder Loop service").waitFor();

    // The same figures as the service's JSON report.
    const jwt = await stack.sim.mintJwt({ idBoard: stack.boardId });
    const answer = await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/reports/monthly?month=${last.month}&timezone=UTC`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(await answer.json()).toMatchObject({ cards: { created: 3, completed: 2 }, comments: 1 });
    await saveScreenshot(page, "monthly-report-modal");
    expect(opened!.errors).toEqual([]);
  });

  it("refuses an unknown time zone inline and keeps the chosen month", async () => {
    const { modal } = await openReport();
    await modal.getByLabel("Month").fill("2026-01");
    await modal.getByLabel("Time zone").fill("Mars/Olympus");
    await modal.getByRole("button", { name: "Show report" }).click();
    await modal.getByText("Choose a time zone such as Europe/Berlin").waitFor();
    await expect(modal.getByLabel("Month").inputValue()).resolves.toBe("2026-01");
    await expect(modal.locator(".monthly-report").count()).resolves.toBe(0);
  });

  it("starts from the board settings' audience and time zone", async () => {
    stack.sim.setPluginData(
      { scope: "board", idModel: stack.boardId },
      { settings: { v: 1, timezone: "Pacific/Auckland", doneLists: [], sprintDays: 14, reportAudience: "client", reportOnMonthClose: true } },
    );
    const { modal } = await openReport();
    await expect(modal.getByLabel("Audience").inputValue()).resolves.toBe("client");
    await expect(modal.getByLabel("Time zone").inputValue()).resolves.toBe("Pacific/Auckland");
    await modal.getByRole("button", { name: "Show report" }).click();
    await modal.getByText(/For the client · Pacific\/Auckland/).waitFor();
  });

  it("says in words that the board must be connected when the service has no data for it", async () => {
    const jwt = await stack.sim.mintJwt({ idBoard: stack.boardId });
    const removed = await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/connection?deleteData=true`, { method: "DELETE", headers: { authorization: `Bearer ${jwt}` } });
    expect(removed.status).toBe(200);
    const { modal } = await openReport();
    await modal.getByRole("button", { name: "Show report" }).click();
    await expect(modal.getByRole("alert").innerText()).resolves.toMatch(/connect/i);
    await expect(modal.locator(".monthly-report").count()).resolves.toBe(0);
  });
});
