import type { Browser } from "playwright-core";
import { launchBrowser, openPage, saveScreenshot } from "../../support/browser";
import { startDevHostStack, type DevHostStack } from "../../support/dev-host-stack";

describe("the dev host with the Power-Up's own pages, in Chromium", () => {
  let browser: Browser;
  let stack: DevHostStack;

  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startDevHostStack()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("renders the simulator's board with the connector's board buttons, loading nothing from Trello's CDN", async () => {
    const { page, errors, blockedRequests } = await openPage(browser, stack.devHostUrl);
    await page.getByRole("button", { name: "Stakeholders" }).waitFor();
    await expect(page.locator(".list h2").allTextContents()).resolves.toEqual(["To Do", "Doing", "Done"]);
    await expect(page.locator(`[data-card-id="${stack.cards.kickoff}"] .card-name`).textContent()).resolves.toBe(
      "Kick-off workshop",
    );
    await saveScreenshot(page, "dev-host-board");
    expect(blockedRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens a card's panel with the connector's card buttons, and a board button's page in an iframe", async () => {
    const { page, errors } = await openPage(browser, stack.devHostUrl);
    await page.locator(`[data-card-id="${stack.cards.sla}"]`).click();
    const panel = page.locator(`[data-card-panel="${stack.cards.sla}"]`);
    await panel.locator(".card-button").first().waitFor();
    expect((await panel.locator(".card-button").allTextContents()).length).toBeGreaterThan(0);
    await saveScreenshot(page, "dev-host-card");
    await page.getByRole("button", { name: "Sprint" }).click();
    const shell = page.locator("[data-shell]");
    await shell.locator("iframe").waitFor();
    expect(new URL((await shell.locator("iframe").getAttribute("src"))!).pathname).toMatch(/^\/powerup\/[\w-]+\.html$/);
    await page.waitForTimeout(500);
    await saveScreenshot(page, "dev-host-sprint");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
