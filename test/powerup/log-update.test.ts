import type { Browser, FrameLocator, Page } from "playwright-core";
import { launchBrowser, openPage, saveScreenshot, type OpenedPage } from "../support/browser";
import { startDevHostStack, type DevHostStack } from "../support/dev-host-stack";
import { stakeholderRecord } from "../support/loop-fixtures";

const DAY_MS = 86_400_000;

// A browser, the simulator and the service share the machine: give each step room under load.
jest.setTimeout(90_000);

interface StoredLog {
  v: number;
  entries: { id: string; at: string; channel: string; summary: string }[];
}

describe("the Log update popup, on the dev host in Chromium", () => {
  let browser: Browser;
  let stack: DevHostStack;
  let opened: OpenedPage;
  let page: Page;

  const stakeholder = (name: string, cadenceDays: number) => stakeholderRecord(name, { cadenceDays });
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
  const storedLog = (idCard: string) =>
    stack.sim.getPluginData({ scope: "card", idModel: idCard }).log as StoredLog | undefined;
  const tile = (idCard: string) => page.locator(`[data-card-id="${idCard}"]`);

  async function openLogUpdate(idCard: string): Promise<FrameLocator> {
    await tile(idCard).click();
    await page.locator(`[data-card-panel="${idCard}"]`).getByRole("button", { name: "Log update" }).click();
    await page.locator('iframe[data-frame="popup"]').waitFor();
    return page.frameLocator('iframe[data-frame="popup"]');
  }

  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startDevHostStack()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  beforeEach(async () => {
    for (const idCard of Object.values(stack.cards))
      stack.sim.setPluginData({ scope: "card", idModel: idCard }, { stakeholder: undefined, log: undefined });
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function openDevHost(): Promise<void> {
    opened = await openPage(browser, stack.devHostUrl);
    page = opened.page;
    // Booting the dev host (connector, board, badges) is the slowest step on a loaded machine.
    page.setDefaultTimeout(20_000);
    await page.getByRole("button", { name: "Stakeholders", exact: true }).waitFor();
  }

  it("logs an update for an overdue stakeholder, and 'overdue' clears on the card badge and in the registry", async () => {
    const idCard = stack.cards.mobileApp;
    stack.sim.setPluginData(
      { scope: "card", idModel: idCard },
      {
        stakeholder: stakeholder("Marco Bellini", 7),
        log: {
          v: 1,
          entries: [{ id: "old00001", at: daysAgo(20), channel: "email", summary: "Sent the October status report" }],
        },
      },
    );
    await openDevHost();
    await tile(idCard).locator('[data-badge="Update overdue 13d"]').waitFor();

    const popup = await openLogUpdate(idCard);
    await expect(popup.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Marco Bellini");
    await popup.getByText("email · every 7 days").waitFor();
    await popup.getByText("Overdue 13 days").waitFor();
    await popup.getByText("Sent the October status report").waitFor();
    await expect(popup.getByLabel("Channel").inputValue()).resolves.toBe("email");
    await popup.getByLabel("Channel").selectOption("meeting");
    await popup.getByLabel("Summary").fill("Walked through the sprint 4 demo and the revised timeline");
    await saveScreenshot(page, "log-update");
    await popup.getByRole("button", { name: "Log update" }).click();
    await page.locator('iframe[data-frame="popup"]').waitFor({ state: "detached" });

    const log = storedLog(idCard)!;
    expect(log.entries).toHaveLength(2);
    expect(log.entries[0]).toMatchObject({
      channel: "meeting",
      summary: "Walked through the sprint 4 demo and the revised timeline",
    });
    expect(log.entries[0]!.id).toMatch(/^[0-9a-z]{8}$/);
    expect(Math.abs(Date.parse(log.entries[0]!.at) - Date.now())).toBeLessThan(5 * 60_000);
    expect(log.entries[1]!.id).toBe("old00001");

    await tile(idCard).locator('[data-badge^="Update overdue"]').waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Stakeholders", exact: true }).click();
    const modal = page.frameLocator('iframe[data-frame="modal"]');
    const row = modal.locator("table.registry-table tbody tr", { hasText: "Marco Bellini" });
    await expect(row.locator(".update-state").textContent()).resolves.toBe("Up to date");
    await modal.getByLabel("Overdue only").check();
    await expect(modal.locator("table.registry-table").count()).resolves.toBe(0);
    await modal.getByText("No stakeholder matches these filters.").waitFor();
    expect(opened.errors).toEqual([]);
  });

  it("starts the log of a stakeholder never updated, and shows 'No update yet' until then", async () => {
    const idCard = stack.cards.kickoff;
    stack.sim.setPluginData({ scope: "card", idModel: idCard }, { stakeholder: stakeholder("Priya Natarajan", 14) });
    await openDevHost();
    const popup = await openLogUpdate(idCard);
    await popup.getByText("No update yet", { exact: true }).waitFor();
    await popup.getByText("No update logged yet.").waitFor();
    await popup.getByLabel("Summary").fill("Kick-off call: agreed Slack for day-to-day questions");
    await popup.getByRole("button", { name: "Log update" }).click();
    await page.locator('iframe[data-frame="popup"]').waitFor({ state: "detached" });
    expect(storedLog(idCard)).toMatchObject({
      v: 1,
      entries: [{ channel: "email", summary: "Kick-off call: agreed Slack for day-to-day questions" }],
    });
  });

  it("keeps the newest 12 updates when a 13th is logged", async () => {
    const idCard = stack.cards.sla;
    const entries = Array.from({ length: 12 }, (_, i) => ({
      id: `keep${String(i).padStart(4, "0")}`,
      at: daysAgo(i + 1),
      channel: "email",
      summary: `Update ${i + 1}`,
    }));
    stack.sim.setPluginData(
      { scope: "card", idModel: idCard },
      { stakeholder: stakeholder("Legal team", 30), log: { v: 1, entries } },
    );
    await openDevHost();
    const popup = await openLogUpdate(idCard);
    await popup.getByLabel("Summary").fill("Sent the signed SLA");
    await popup.getByRole("button", { name: "Log update" }).click();
    await page.locator('iframe[data-frame="popup"]').waitFor({ state: "detached" });
    const log = storedLog(idCard)!;
    expect(log.entries).toHaveLength(12);
    expect(log.entries[0]!.summary).toBe("Sent the signed SLA");
    expect(log.entries.map((e) => e.id)).not.toContain("keep0011");
  });

  it("shows an empty summary as an error beside it and keeps the popup open with what was chosen", async () => {
    const idCard = stack.cards.kickoff;
    stack.sim.setPluginData({ scope: "card", idModel: idCard }, { stakeholder: stakeholder("Priya Natarajan", 14) });
    await openDevHost();
    const popup = await openLogUpdate(idCard);
    await popup.getByLabel("Channel").selectOption("phone");
    await popup.getByLabel("Summary").fill("   ");
    await popup.getByRole("button", { name: "Log update" }).click();
    await popup.getByText("Summary is required").waitFor();
    await expect(popup.getByLabel("Summary").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(popup.getByLabel("Channel").inputValue()).resolves.toBe("phone");
    expect(storedLog(idCard)).toBeUndefined();
    await saveScreenshot(page, "log-update-error");
  });

  it("shows a readable error when the stakeholder record on the card cannot be read, and no form", async () => {
    const idCard = stack.cards.kickoff;
    stack.sim.setPluginData({ scope: "card", idModel: idCard }, { stakeholder: { v: 2, name: "From the future" } });
    await openDevHost();
    const popup = await openLogUpdate(idCard);
    await popup
      .getByText(
        /The saved stakeholder cannot be read: it was saved by another version of Stakeholder Loop \(version 2\)/,
      )
      .waitFor();
    await expect(popup.getByLabel("Summary").count()).resolves.toBe(0);
  });
});
