import type { FrameLocator, Page } from "playwright-core";
import { saveScreenshot, type OpenedPage } from "../support/browser";
import { useDevHostSuite } from "../support/dev-host-suite";

let opened: OpenedPage | undefined;

const suite = useDevHostSuite();

async function openDevHost(): Promise<Page> {
  opened = await suite.openDevHost();
  // The host's own buttons work once the connector is loaded, which the board buttons show.
  await opened.page.getByRole("button", { name: "Sprint", exact: true }).waitFor();
  return opened.page;
}

/** Enables the Power-Up (on-enable) and returns the guide modal. */
async function openGuide(page: Page): Promise<FrameLocator> {
  const close = page.getByRole("button", { name: "Close modal" });
  if (await close.count()) await close.click();
  await page.getByRole("button", { name: "Enable Power-Up" }).click();
  const modal = page.frameLocator('iframe[data-frame="modal"]');
  await modal.getByRole("heading", { name: "Welcome to Stakeholder Loop" }).waitFor();
  return modal;
}

const frameSrc = (page: Page, kind: string) => page.locator(`iframe[data-frame="${kind}"]`).getAttribute("src");

describe("the first-run guide", () => {
  it("opens when the Power-Up is enabled, with four steps, and its Connect button opens the authorization popup", async () => {
    const page = await openDevHost();
    const guide = await openGuide(page);
    await expect(guide.locator(".guide-step h2").allInnerTexts()).resolves.toEqual([
      "Connect the board",
      "Add your stakeholders",
      "Mark scope and roles on cards",
      "Plan sprints and open the monthly report",
    ]);
    await saveScreenshot(page, "guide-modal");
    await guide.getByRole("button", { name: "Connect the board" }).click();
    await page
      .frameLocator('iframe[data-frame="popup"]')
      .getByRole("heading", { name: "Stakeholder Loop access" })
      .waitFor();
    await expect(frameSrc(page, "popup")).resolves.toContain("/powerup/authorize.html");
    expect(opened!.errors).toEqual([]);
  });

  it("opens the Stakeholders, Sprint and Monthly report modals and the settings popup from its buttons", async () => {
    const page = await openDevHost();
    await (await openGuide(page)).getByRole("button", { name: "Open Stakeholders" }).click();
    await page.locator('iframe[data-frame="modal"][src*="/powerup/stakeholders.html"]').waitFor();

    await (await openGuide(page)).getByRole("button", { name: "Plan a sprint" }).click();
    await page
      .frameLocator('iframe[data-frame="modal"]')
      .getByRole("heading", { name: "Sprints", exact: true })
      .waitFor();

    await (await openGuide(page)).getByRole("button", { name: "Open the monthly report" }).click();
    await page.frameLocator('iframe[data-frame="modal"]').getByRole("heading", { name: "Monthly report" }).waitFor();

    await (await openGuide(page)).getByRole("button", { name: "Board settings" }).click();
    await page
      .frameLocator('iframe[data-frame="popup"]')
      .getByRole("heading", { name: "Stakeholder Loop settings" })
      .waitFor();
  });

  it("closes from Go to the board and from Done", async () => {
    const page = await openDevHost();
    await (await openGuide(page)).getByRole("button", { name: "Go to the board" }).click();
    await page.locator('iframe[data-frame="modal"]').waitFor({ state: "detached" });
    await (await openGuide(page)).getByRole("button", { name: "Done" }).click();
    await page.locator('iframe[data-frame="modal"]').waitFor({ state: "detached" });
  });
});
