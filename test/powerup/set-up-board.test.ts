import type { FrameLocator, Page } from "playwright-core";
import { TEMPLATE_LABELS, TEMPLATE_LISTS } from "../../shared/board-template";
import { openPage, saveScreenshot, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";

let stack: DevHostStack;
let emptyBoard: string;
let opened: OpenedPage | undefined;
const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  emptyBoard = String(stack.sim.createBoard({ name: "New client engagement" }).id);
});
afterEach(async () => {
  await opened?.page.context().close();
  opened = undefined;
});

/** The board as Trello's REST API shows it to the member. */
async function rest<T>(path: string): Promise<T> {
  const query = new URLSearchParams({ key: stack.simInfo.key, token: stack.simInfo.token });
  return (await (await fetch(`${stack.simInfo.baseUrl}/1/${path}?${query}`)).json()) as T;
}
const openLists = () => rest<{ id: string; name: string }[]>(`boards/${emptyBoard}/lists`);
const labels = () => rest<{ name: string; color: string }[]>(`boards/${emptyBoard}/labels`);

async function openSettings(): Promise<{ page: Page; popup: FrameLocator }> {
  opened = await openPage(suite.browser, `${stack.baseUrl}/dev-host/?board=${emptyBoard}`);
  const { page } = opened;
  page.setDefaultTimeout(20_000);
  await page.getByRole("button", { name: "Sprint", exact: true }).waitFor();
  await page.getByRole("button", { name: "Power-Up settings" }).click();
  const popup = page.frameLocator('iframe[data-frame="popup"]');
  await popup.getByRole("heading", { name: "Stakeholder Loop settings" }).waitFor();
  return { page, popup };
}

describe("Set up this board, from the settings popup", () => {
  it("gives an empty board the workflow's lists, labels and settings once; a second run changes nothing", async () => {
    const { page, popup } = await openSettings();
    await popup.getByRole("button", { name: "Set up this board" }).click();
    // The member has not authorized yet: one click, in place, and setup carries on.
    await popup.locator(".authorize-in-place").getByRole("button", { name: "Authorize" }).click();
    await popup
      .getByText(
        `Set up: created the lists ${TEMPLATE_LISTS.join(", ")} and the labels ${TEMPLATE_LABELS.map((label) => label.name).join(", ")}.`,
        { exact: false },
      )
      .waitFor();
    await saveScreenshot(page, "set-up-board");

    const lists = await openLists();
    expect(lists.map((list) => list.name)).toEqual([...TEMPLATE_LISTS]);
    const made = await labels();
    for (const label of TEMPLATE_LABELS)
      expect(made).toContainEqual(expect.objectContaining({ name: label.name, color: label.color }));
    const settings = stack.sim.getPluginData({ scope: "board", idModel: emptyBoard }).settings as {
      doneLists: string[];
      timezone?: string;
    };
    expect(settings.doneLists).toEqual([lists.find((list) => list.name === "Done")!.id]);
    expect(settings.timezone).toEqual(expect.any(String));
    const actionsAfterFirst = stack.sim.boardActions(emptyBoard).length;

    await opened!.page.context().close();
    const again = await openSettings();
    await again.popup.getByRole("button", { name: "Set up this board" }).click();
    await again.popup.getByText(/^This board is set up already: nothing to create\./).waitFor();
    expect(await openLists()).toEqual(lists);
    expect(await labels()).toEqual(made);
    expect(stack.sim.boardActions(emptyBoard)).toHaveLength(actionsAfterFirst);
    expect(stack.sim.getPluginData({ scope: "board", idModel: emptyBoard }).settings).toEqual(settings);
  });
});
