import type { FrameLocator, Page } from "playwright-core";
import { saveScreenshot, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";

let stack: DevHostStack;
let opened: OpenedPage | undefined;
let priya: string;

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  priya = stack.sim.createMember({ fullName: "Priya Shah", username: "priyashah" }).id;
  stack.sim.addMemberToBoard(stack.boardId, priya);
});

async function openSettings(): Promise<{ page: Page; popup: FrameLocator }> {
  opened = await suite.openDevHost();
  const { page } = opened;
  // The host's own buttons work once the connector is loaded, which the board buttons show.
  await page.getByRole("button", { name: "Sprint", exact: true }).waitFor();
  await page.getByRole("button", { name: "Power-Up settings" }).click();
  const popup = page.frameLocator('iframe[data-frame="popup"]');
  await popup.getByRole("heading", { name: "Stakeholder Loop settings" }).waitFor();
  return { page, popup };
}

const savedSettings = () => stack.sim.getPluginData({ scope: "board", idModel: stack.boardId }).settings;

describe("the settings popup", () => {
  it("refuses an unknown time zone inline, keeps every value typed, then saves the corrected settings and closes", async () => {
    const { page, popup } = await openSettings();
    await expect(popup.getByLabel("Time zone").inputValue()).resolves.toBe("UTC");
    await expect(popup.getByLabel("Sprint length (days)").inputValue()).resolves.toBe("14");
    await popup.getByText('it picks "Done"').waitFor();

    await popup.getByLabel("Time zone").fill("Mars/Olympus");
    await popup.getByRole("group", { name: "Done lists" }).getByLabel("Doing").check();
    await popup.getByRole("group", { name: "Work lists" }).getByLabel("Doing").check();
    await popup.getByLabel("Sprint length (days)").fill("21");
    await popup.getByLabel("Technical lead").selectOption({ label: "Priya Shah" });
    await popup.getByLabel("Report audience").selectOption("client");
    await popup.getByLabel("Produce the report when the month closes").uncheck();
    await popup.getByRole("button", { name: "Save settings" }).click();

    await popup.getByText("Choose a time zone such as Europe/Berlin").waitFor();
    await expect(popup.getByLabel("Time zone").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(popup.getByLabel("Time zone").inputValue()).resolves.toBe("Mars/Olympus");
    await expect(popup.getByRole("group", { name: "Done lists" }).getByLabel("Doing").isChecked()).resolves.toBe(true);
    await expect(popup.getByLabel("Sprint length (days)").inputValue()).resolves.toBe("21");
    await expect(popup.getByLabel("Technical lead").inputValue()).resolves.toBe(priya);
    await expect(popup.getByLabel("Produce the report when the month closes").isChecked()).resolves.toBe(false);
    expect(savedSettings()).toBeUndefined();
    await saveScreenshot(page, "settings-popup-error");

    await popup.getByLabel("Time zone").fill("Europe/Berlin");
    await popup.getByRole("button", { name: "Save settings" }).click();
    await page.locator('iframe[data-frame="popup"]').waitFor({ state: "detached" });
    expect(savedSettings()).toEqual({
      v: 1,
      timezone: "Europe/Berlin",
      doneLists: [stack.lists.doing],
      workLists: [stack.lists.doing],
      sprintDays: 21,
      technicalLead: priya,
      reportAudience: "client",
      reportOnMonthClose: false,
    });
    expect(opened!.errors).toEqual([]);
  });

  it("shows the saved settings when opened again and refuses a sprint longer than four weeks", async () => {
    const before = savedSettings();
    const { page, popup } = await openSettings();
    await expect(popup.getByLabel("Time zone").inputValue()).resolves.toBe("Europe/Berlin");
    await expect(popup.getByRole("group", { name: "Done lists" }).getByLabel("Doing").isChecked()).resolves.toBe(true);
    await expect(popup.getByRole("group", { name: "Work lists" }).getByLabel("Doing").isChecked()).resolves.toBe(true);
    await expect(popup.getByLabel("Operational lead").inputValue()).resolves.toBe("");
    await saveScreenshot(page, "settings-popup");
    await popup.getByLabel("Sprint length (days)").fill("40");
    await popup.getByRole("button", { name: "Save settings" }).click();
    await popup.getByText("Sprint length must be at most 28").waitFor();
    expect(savedSettings()).toEqual(before);
  });

  it("shows settings that fail their schema as a readable error and starts over from the defaults", async () => {
    stack.sim.setPluginData(
      { scope: "board", idModel: stack.boardId },
      { settings: { v: 2, timezone: "Europe/Berlin" } },
    );
    const { page, popup } = await openSettings();
    await popup.getByText("The saved board settings cannot be read").waitFor();
    await popup.getByRole("button", { name: "Start over with the default settings" }).click();
    await expect(popup.getByLabel("Sprint length (days)").inputValue()).resolves.toBe("14");
    await popup.getByRole("button", { name: "Save settings" }).click();
    await page.locator('iframe[data-frame="popup"]').waitFor({ state: "detached" });
    expect(savedSettings()).toEqual({
      v: 1,
      timezone: "UTC",
      doneLists: [],
      sprintDays: 14,
      reportAudience: "internal",
      reportOnMonthClose: true,
    });
  });
});
