import type { Browser } from "playwright-core";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { startDevHostStack, type DevHostStack } from "../support/dev-host-stack";
import {
  cardData,
  frontBadge,
  openBoard,
  openCardPopup,
  popupClosed,
  seedCard,
  seedStakeholder,
} from "./card-page-harness";

describe("The Roles popup", () => {
  let stack: DevHostStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startDevHostStack(), launchBrowser()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("tells the PM to add stakeholders with the board button when the board has none", async () => {
    const { page, errors } = await openBoard(browser, stack);
    const popup = await openCardPopup(page, stack.cards.kickoff, "Roles");
    await popup.getByText("This board has no stakeholders yet").waitFor();
    expect(await popup.getByRole("status").textContent()).toContain("board button “Stakeholders”");
    expect(await popup.locator("form").count()).toBe(0);
    await saveScreenshot(page, "roles-no-stakeholders");
    expect(errors).toEqual([]);
  });

  it("gives a card an Accountable stakeholder and the card front shows “A: <name>”", async () => {
    const ada = seedStakeholder(stack, "Ada Lovelace", { org: "ACME" });
    const ben = seedStakeholder(stack, "Ben Okafor", { type: "partner" });
    const card = seedCard(stack, "Checkout redesign");
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Roles");
    await popup.getByRole("group", { name: "Responsible" }).getByLabel("Ben Okafor").check();
    await popup.getByLabel("Accountable", { exact: true }).selectOption({ label: "Ada Lovelace (ACME)" });
    await popup.getByRole("group", { name: "Informed" }).getByLabel("Ada Lovelace (ACME)").check();
    await saveScreenshot(page, "roles-popup");
    await popup.getByRole("button", { name: "Save roles" }).click();
    await popupClosed(page);

    await frontBadge(page, card, "A: Ada Lovelace").waitFor();
    expect(cardData(stack, card).roles).toEqual({
      v: 1,
      responsible: [ben],
      accountable: ada,
      consulted: [],
      informed: [ada],
    });
    await saveScreenshot(page, "roles-badge-on-card");
    expect(errors).toEqual([]);
  });

  it("shows the saved roles when opened again, and “Clear roles” removes the record and its badge", async () => {
    const ada = seedStakeholder(stack, "Cleo Ortiz");
    const card = seedCard(stack, "Data migration");
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      { roles: { v: 1, responsible: [ada], accountable: ada, consulted: [], informed: [] } },
    );
    const { page, errors } = await openBoard(browser, stack);
    await frontBadge(page, card, "A: Cleo Ortiz").waitFor();

    const popup = await openCardPopup(page, card, "Roles");
    expect(await popup.getByLabel("Accountable", { exact: true }).inputValue()).toBe(ada);
    expect(await popup.getByRole("group", { name: "Responsible" }).getByLabel("Cleo Ortiz").isChecked()).toBe(true);
    await popup.getByRole("button", { name: "Clear roles" }).click();
    await popupClosed(page);

    await frontBadge(page, card, "A: Cleo Ortiz").waitFor({ state: "detached" });
    expect(cardData(stack, card).roles ?? null).toBeNull();
    expect(errors).toEqual([]);
  });

  it("refuses a save that would take the card past 4,096 characters, keeps the ticks and what was saved before", async () => {
    const dana = seedStakeholder(stack, "Dana Ruiz");
    seedStakeholder(stack, "Eli Novak");
    const card = seedCard(stack, "Long-running programme");
    const before = { v: 1, responsible: [], accountable: dana, consulted: [], informed: [] };
    // Other data on the card (here one long value) leaves room for the saved roles and not much more.
    const base = JSON.stringify({ roles: before, notes: "" }).length;
    stack.sim.setPluginData({ scope: "card", idModel: card }, { roles: before, notes: "n".repeat(4096 - base - 10) });
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Roles");
    for (const group of ["Responsible", "Consulted", "Informed"]) {
      await popup.getByRole("group", { name: group }).getByLabel("Eli Novak").check();
    }
    await popup.getByRole("button", { name: "Save roles" }).click();
    const refusal = popup.locator("[data-form-message].message-error");
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /This card's Stakeholder Loop data would take 4,\d{3} characters, and Trello keeps at most 4,096\..*Nothing was changed/,
    );
    await saveScreenshot(page, "roles-refused-over-limit");

    expect(await popup.getByRole("group", { name: "Consulted" }).getByLabel("Eli Novak").isChecked()).toBe(true);
    expect(cardData(stack, card).roles).toEqual(before);
    expect(errors).toEqual([]);
  });
});
