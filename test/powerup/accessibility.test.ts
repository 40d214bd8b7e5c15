import type { Frame, Page } from "playwright-core";
import { seriousAccessibilityFindings, tabStops, visibleControls } from "../support/accessibility";
import type { OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";
import { stakeholderRecord } from "../support/loop-fixtures";

let stack: DevHostStack;
let opened: OpenedPage | undefined;
let stakeholderCard: string;
let sprintCard: string;
let workCard: string;

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  const card = (name: string) => String(stack.sim.createCard(stack.lists.todo, { name }).id);
  stakeholderCard = card("Dana Ruiz");
  sprintCard = card("Sprint 3");
  workCard = card("Wireframes");
  stack.sim.setPluginData(
    { scope: "card", idModel: stakeholderCard },
    { stakeholder: stakeholderRecord("Dana Ruiz", { cadenceDays: 14 }) },
  );
  stack.sim.setPluginData(
    { scope: "card", idModel: sprintCard },
    {
      sprint: { v: 1, number: 3, start: "2026-11-02", end: "2026-11-15", goal: "Sign the SLA", committed: [workCard] },
    },
  );
});

async function openBoard(): Promise<Page> {
  opened = await suite.openDevHost();
  // The host's own buttons work once the connector is loaded, which the board buttons show.
  await opened.page.getByRole("button", { name: "Sprint", exact: true }).waitFor();
  return opened.page;
}

async function frameOf(page: Page, kind: "modal" | "popup"): Promise<Frame> {
  const element = page.locator(`iframe[data-frame="${kind}"]`);
  await element.waitFor();
  const frame = (await (await element.elementHandle())!.contentFrame())!;
  await frame.waitForLoadState("load");
  // A page has drawn itself once its heading or form is there.
  await frame.locator("h1, h2, form, .card-page, .card-back").first().waitFor();
  return frame;
}

async function openBoardButton(name: string): Promise<[Page, Frame]> {
  const page = await openBoard();
  await page.getByRole("button", { name, exact: true }).click();
  return [page, await frameOf(page, "modal")];
}

async function openCardButton(cardId: string, name: string, kind: "modal" | "popup"): Promise<[Page, Frame]> {
  const page = await openBoard();
  await page.locator(`[data-card-id="${cardId}"]`).click();
  await page.locator(`[data-card-panel="${cardId}"]`).getByRole("button", { name, exact: true }).click();
  return [page, await frameOf(page, kind)];
}

async function openCardBack(cardId: string): Promise<[Page, Frame]> {
  const page = await openBoard();
  await page.locator(`[data-card-id="${cardId}"]`).click();
  const element = page.locator(`.card-panel[data-card-panel="${cardId}"] iframe[data-frame="card-back-section"]`);
  await element.waitFor();
  const frame = (await (await element.elementHandle())!.contentFrame())!;
  await frame.locator(".card-back").waitFor();
  return [page, frame];
}

const PAGES: [string, () => Promise<[Page, Frame]>][] = [
  ["Stakeholders", () => openBoardButton("Stakeholders")],
  ["Monthly report", () => openBoardButton("Monthly report")],
  ["Sprint", () => openBoardButton("Sprint")],
  ["Roles", () => openCardButton(workCard, "Roles", "popup")],
  ["Scope", () => openCardButton(workCard, "Scope", "popup")],
  ["Milestone", () => openCardButton(workCard, "Milestone", "popup")],
  ["Invoice", () => openCardButton(workCard, "Invoice", "popup")],
  ["Log update", () => openCardButton(stakeholderCard, "Log update", "popup")],
  ["Sprint review", () => openCardButton(sprintCard, "Sprint review", "modal")],
  ["card-back section", () => openCardBack(stakeholderCard)],
  [
    "Authorize",
    async () => {
      const page = await openBoard();
      await page.getByRole("button", { name: "Authorize Power-Up" }).click();
      return [page, await frameOf(page, "popup")];
    },
  ],
  [
    "First-run guide",
    async () => {
      const page = await openBoard();
      const close = page.getByRole("button", { name: "Close modal" });
      if (await close.count()) await close.click();
      await page.getByRole("button", { name: "Enable Power-Up" }).click();
      return [page, await frameOf(page, "modal")];
    },
  ],
  [
    "Settings",
    async () => {
      const page = await openBoard();
      await page.getByRole("button", { name: "Power-Up settings" }).click();
      return [page, await frameOf(page, "popup")];
    },
  ],
];

describe("every Power-Up page, scanned by axe-core and walked with the keyboard in Chromium", () => {
  it.each(PAGES)("%s has no serious or critical accessibility violation", async (_name, open) => {
    const [, frame] = await open();
    expect(await seriousAccessibilityFindings(frame)).toEqual([]);
  });

  it.each(PAGES)("%s: Tab reaches every control, each showing where focus is", async (_name, open) => {
    const [page, frame] = await open();
    const controls = await visibleControls(frame);
    const stops = await tabStops(page, frame, controls.length * 3 + 10);
    expect(stops.map((stop) => stop.element)).toEqual(expect.arrayContaining(controls));
    expect(stops.filter((stop) => !stop.visible)).toEqual([]);
  });
});
