import type { FrameLocator, Page } from "playwright-core";
import { openPage, saveScreenshot, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";

let stack: DevHostStack;
let opened: OpenedPage | undefined;
const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
});
afterEach(async () => {
  await opened?.page.context().close();
  opened = undefined;
});

/** The dev host as the board's second member: signed in as them, their own (empty) token store. */
async function openAsSecondMember(): Promise<Page> {
  opened = await openPage(suite.browser, stack.secondMember.devHostUrl);
  opened.page.setDefaultTimeout(20_000);
  await opened.page.getByRole("button", { name: "Stakeholders", exact: true }).waitFor();
  return opened.page;
}

const frame = (page: Page, kind: "popup" | "modal"): FrameLocator => page.frameLocator(`iframe[data-frame="${kind}"]`);

describe("a second member of a connected board (not the one who connected it)", () => {
  it("sees both states in the Authorize popup, authorizes, adds a stakeholder, logs an update and generates a report", async () => {
    const page = await openAsSecondMember();
    const authorizeButton = page.locator('.toolbar button[data-authorized="false"]');
    await expect(authorizeButton.innerText()).resolves.toBe("Authorize Power-Up");

    // The popup: the board is connected (by the first member), and this member has not authorized yet.
    await authorizeButton.click();
    const popup = frame(page, "popup");
    await popup.getByRole("heading", { name: "This board is connected" }).waitFor();
    await popup.getByText("Connected by Sim Member.").waitFor();
    await popup.getByRole("heading", { name: "You have not authorized Stakeholder Loop" }).waitFor();
    await saveScreenshot(page, "authorize-popup-second-member");
    await popup.getByRole("button", { name: "Authorize", exact: true }).click();
    await popup.getByRole("heading", { name: "You have authorized Stakeholder Loop" }).waitFor();
    // Authorizing is the member's own: the board's connection stays the first member's.
    expect(stack.store.connections.get(stack.boardId)?.memberId).toBe(stack.simInfo.memberId);

    // A stakeholder on a new card, made with the second member's token.
    await page.reload();
    await page.getByRole("button", { name: "Stakeholders", exact: true }).click();
    const modal = frame(page, "modal");
    await modal.getByRole("heading", { name: /^Stakeholders — / }).waitFor();
    await modal.getByRole("button", { name: "Add stakeholder" }).click();
    await modal.getByLabel("Name", { exact: true }).fill("Nadia Obi");
    await modal.getByLabel("Organisation").fill("Northwind");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Nadia Obi").waitFor();
    const created = stack.sim
      .boardActions(stack.boardId)
      .find((a) => a.type === "createCard" && (a.data as { card?: { name?: string } }).card?.name === "Nadia Obi");
    expect(created?.idMemberCreator).toBe(stack.secondMember.id);
    const idCard = (created!.data as { card: { id: string } }).card.id;

    // An update logged on the stakeholder's card.
    await page.reload();
    await page.locator(`[data-card-id="${idCard}"]`).click();
    await page.locator(`[data-card-panel="${idCard}"]`).getByRole("button", { name: "Log update" }).click();
    const logPopup = frame(page, "popup");
    await logPopup.getByLabel("Summary").fill("Agreed the shipping API sandbox dates");
    await logPopup.getByRole("button", { name: "Log update" }).click();
    await page.locator('iframe[data-frame="popup"]').waitFor({ state: "detached" });
    const log = stack.sim.getPluginData({ scope: "card", idModel: idCard }).log as { entries: { summary: string }[] };
    expect(log.entries.map((entry) => entry.summary)).toEqual(["Agreed the shipping API sandbox dates"]);

    // The month's report, generated as the second member.
    await page.getByRole("button", { name: "Monthly report" }).click();
    const report = frame(page, "modal");
    await report.getByRole("heading", { name: "Monthly report" }).waitFor();
    // This month (the board is in UTC): the stakeholder and the update were made today.
    await report.getByLabel("Month").fill(new Date().toISOString().slice(0, 7));
    await report.getByRole("button", { name: "Generate report" }).click();
    await report.getByText(/^Version 1 · .* generated .* by Sam Okafor$/).waitFor();
    await report.frameLocator("iframe.report-frame").getByText("Nadia Obi").first().waitFor();
    const snapshots = stack.store.reportSnapshots.listBoard(stack.boardId);
    expect(snapshots.map((snapshot) => snapshot.createdBy)).toEqual([stack.secondMember.id]);
    await saveScreenshot(page, "report-second-member");
    expect(opened!.errors.filter((error) => !error.includes("status of 404"))).toEqual([]);
  });
});
