import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, saveScreenshot } from "../support/browser";
import { startDevHostStack, type DevHostStack } from "../support/dev-host-stack";
import { stakeholderRecord } from "../support/loop-fixtures";

/** Resolves once `condition` holds, checking every 50 ms for up to 5 s. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 5_000) throw new Error("the condition did not hold within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "../../manifest.json"), "utf8")) as {
  capabilities: string[];
};

const stakeholder = stakeholderRecord("Dana Ruiz");

describe("the connector's capabilities, in the dev host", () => {
  let browser: Browser;
  let stack: DevHostStack;
  let dana: string;
  let sprintCard: string;

  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startDevHostStack()]);
    const { sim, cards, lists } = stack;
    dana = String(sim.createCard(lists.todo, { name: "Dana Ruiz — ACME" }).id);
    sprintCard = String(sim.createCard(lists.todo, { name: "Sprint 3" }).id);
    sim.setPluginData({ scope: "card", idModel: dana }, { stakeholder });
    sim.setPluginData(
      { scope: "card", idModel: sprintCard },
      { sprint: { v: 1, number: 3, start: "2026-03-02", end: "2026-03-16", committed: [cards.sla] } },
    );
    sim.setPluginData(
      { scope: "card", idModel: cards.sla },
      {
        roles: { v: 1, responsible: [dana], accountable: dana, consulted: [], informed: [] },
        scope: { v: 1, decision: "change", change: { status: "proposed", proposedOn: "2026-03-03", impactDays: 2 } },
      },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const cardButtons = async (page: Page, idCard: string) => {
    await page.locator(`[data-card-id="${idCard}"]`).click();
    const panel = page.locator(`[data-card-panel="${idCard}"]`);
    await panel.locator(".card-button").first().waitFor();
    return { panel, texts: await panel.locator(".card-button").allTextContents() };
  };

  it("registers exactly the capabilities manifest.json lists, and the host shows each of them", async () => {
    expect([...manifest.capabilities].sort()).toEqual([
      "authorization-status",
      "board-buttons",
      "card-back-section",
      "card-badges",
      "card-buttons",
      "card-detail-badges",
      "on-enable",
      "remove-data",
      "show-authorization",
      "show-settings",
    ]);
    const { page, errors } = await openPage(browser, stack.devHostUrl);
    await page.locator("[data-authorized]").waitFor();
    for (const name of [
      "Stakeholders",
      "Monthly report",
      "Sprint",
      "Enable Power-Up",
      "Power-Up settings",
      "Remove personal data",
    ]) {
      await expect(page.getByRole("button", { name, exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.locator("[data-authorized]").count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("offers Log update only on stakeholder cards and Sprint review only on sprint cards", async () => {
    const { page } = await openPage(browser, stack.devHostUrl);
    expect((await cardButtons(page, stack.cards.kickoff)).texts).toEqual(["Roles", "Scope", "Milestone", "Invoice"]);
    await page.getByRole("button", { name: "Close card" }).click();
    expect((await cardButtons(page, dana)).texts).toEqual(["Roles", "Scope", "Milestone", "Invoice", "Log update"]);
    await page.getByRole("button", { name: "Close card" }).click();
    expect((await cardButtons(page, sprintCard)).texts).toEqual([
      "Roles",
      "Scope",
      "Milestone",
      "Invoice",
      "Sprint review",
    ]);
    await page.context().close();
  });

  it("shows the card front's badges and every Loop fact, titled, in the card detail, from pluginData alone", async () => {
    const { page, errors } = await openPage(browser, stack.devHostUrl);
    const serviceCalls: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/")) serviceCalls.push(request.url());
    });
    const tile = page.locator(`[data-card-id="${stack.cards.sla}"]`);
    await tile.locator('[data-badge="A: Dana Ruiz"]').waitFor();
    await expect(tile.locator(".card-badge").allTextContents()).resolves.toEqual([
      "A: Dana Ruiz",
      "Change request: proposed",
    ]);
    const { panel } = await cardButtons(page, stack.cards.sla);
    const detail = panel.locator(".card-detail-badge");
    await expect(detail.allTextContents()).resolves.toEqual([
      "AccountableA: Dana Ruiz",
      "ResponsibleR: Dana Ruiz",
      "Change requestChange request: proposed",
    ]);
    await saveScreenshot(page, "capabilities-card-detail");
    expect(serviceCalls).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("remove-data forgets the member's token and private data, and leaves the board's shared data", async () => {
    const { sim, simInfo, boardId, cards } = stack;
    sim.setPluginData(
      { scope: "member", idModel: simInfo.memberId, visibility: "private" },
      { lastMonthViewed: "2026-03" },
    );
    const { page } = await openPage(browser, stack.devHostUrl);
    await page.locator("[data-authorized]").waitFor();
    const connector = page.frames().find((frame) => frame.url().includes("/powerup/connector.html"))!;
    await connector.evaluate("TrelloPowerUp.iframe().getRestApi().authorize({ scope: 'read,write' })");
    await page.reload();
    await page.locator('[data-authorized="true"]').waitFor();

    await page.getByRole("button", { name: "Remove personal data", exact: true }).click();
    await waitUntil(
      () =>
        Object.keys(sim.getPluginData({ scope: "member", idModel: simInfo.memberId, visibility: "private" })).length ===
        0,
    );
    await page.reload();
    await page.locator('[data-authorized="false"]').waitFor();
    expect(sim.getPluginData({ scope: "card", idModel: cards.sla }).roles).toBeDefined();
    expect(sim.getPluginData({ scope: "board", idModel: boardId })).toEqual({});
    await page.context().close();
  });
});
