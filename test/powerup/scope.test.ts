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
  today,
} from "./card-page-harness";

describe("The Scope popup", () => {
  let stack: DevHostStack;
  let browser: Browser;
  let ada: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startDevHostStack(), launchBrowser()]);
    ada = seedStakeholder(stack, "Ada Lovelace", { org: "ACME" });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("marks a card out of scope with its boundary, and the card front shows the red “Out of scope” badge", async () => {
    const { page, errors } = await openBoard(browser, stack);
    const popup = await openCardPopup(page, stack.cards.mobileApp, "Scope");
    expect(await popup.locator("fieldset.change-request").isHidden()).toBe(true);
    await popup.getByLabel("Out of scope").check();
    await popup
      .getByLabel("Boundary: what we will / won't do")
      .fill("We build the responsive web app; native apps are not part of this contract.");
    await saveScreenshot(page, "scope-out-of-scope");
    await popup.getByRole("button", { name: "Save scope" }).click();
    await popupClosed(page);

    const badge = frontBadge(page, stack.cards.mobileApp, "Out of scope");
    await badge.waitFor();
    expect(await badge.getAttribute("class")).toContain("color-red");
    expect(cardData(stack, stack.cards.mobileApp).scope).toEqual({
      v: 1,
      decision: "out",
      boundary: "We build the responsive web app; native apps are not part of this contract.",
      // A new scope decision starts with the board's only party (its one client organisation).
      party: "ACME",
    });
    expect(errors).toEqual([]);
  });

  it("proposes a change request, then approves it with a rationale: the badge follows and the decision is dated and signed", async () => {
    const card = seedCard(stack, "Export to SAP");
    const { page, errors } = await openBoard(browser, stack);

    let popup = await openCardPopup(page, card, "Scope");
    await popup.getByLabel("Change request", { exact: true }).check();
    expect(await popup.locator("fieldset.change-request legend").textContent()).toBe("Change request: Export to SAP");
    await popup.getByLabel("Requested by").selectOption({ label: "Ada Lovelace (ACME)" });
    await popup.getByLabel("Impact (days)").fill("5");
    await popup.getByLabel("Impact (cost)").fill("4800");
    expect(await popup.getByLabel("Proposed on").inputValue()).toBe(today());
    expect(await popup.getByLabel("Status", { exact: true }).inputValue()).toBe("proposed");
    expect(await popup.getByLabel("Decided on").isHidden()).toBe(true);
    await saveScreenshot(page, "scope-change-proposed");
    await popup.getByRole("button", { name: "Save scope" }).click();
    await popupClosed(page);

    await frontBadge(page, card, "Change request: proposed").waitFor();
    expect(cardData(stack, card).scope).toEqual({
      v: 1,
      decision: "change",
      change: {
        status: "proposed",
        requestedBy: ada,
        proposedOn: today(),
        impactDays: 5,
        impactCost: 4800,
        currency: "EUR",
      },
      party: "ACME",
    });

    popup = await openCardPopup(page, card, "Scope");
    expect(await popup.getByLabel("Change request", { exact: true }).isChecked()).toBe(true);
    expect(await popup.getByLabel("Impact (days)").inputValue()).toBe("5");
    await popup.getByLabel("Status", { exact: true }).selectOption("approved");
    expect(await popup.getByLabel("Decided on").inputValue()).toBe(today());
    expect(await popup.locator(".decided-by").textContent()).toBe("Decided by you");
    await popup.getByLabel("Rationale").fill("Finance needs it for the Q1 close; the client pays the extra days.");
    await saveScreenshot(page, "scope-change-approving");
    await popup.getByRole("button", { name: "Save scope" }).click();
    await popupClosed(page);

    const approved = frontBadge(page, card, "Change request: approved");
    await approved.waitFor();
    expect(await approved.getAttribute("class")).toContain("color-green");
    expect(cardData(stack, card).scope).toEqual({
      v: 1,
      decision: "change",
      change: {
        status: "approved",
        requestedBy: ada,
        proposedOn: today(),
        rationale: "Finance needs it for the Q1 close; the client pays the extra days.",
        decidedBy: stack.simInfo.memberId,
        decidedOn: today(),
        impactDays: 5,
        impactCost: 4800,
        currency: "EUR",
      },
      party: "ACME",
    });
    expect(errors).toEqual([]);
  });

  it("approving without a rationale shows the schema's message under Rationale and keeps everything typed", async () => {
    const card = seedCard(stack, "Single sign-on");
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Scope");
    await popup.getByLabel("Change request", { exact: true }).check();
    await popup.getByLabel("Boundary: what we will / won't do").fill("SSO with the client's Azure AD only");
    await popup.getByLabel("Impact (days)").fill("3");
    await popup.getByLabel("Status", { exact: true }).selectOption("approved");
    await popup.getByRole("button", { name: "Save scope" }).click();

    const error = popup.locator('[data-error-for="change.rationale"]');
    await error.getByText("A decision needs its date and a rationale").waitFor();
    expect(await popup.getByLabel("Rationale").getAttribute("aria-invalid")).toBe("true");
    await saveScreenshot(page, "scope-approve-without-rationale");

    expect(await popup.getByLabel("Boundary: what we will / won't do").inputValue()).toBe(
      "SSO with the client's Azure AD only",
    );
    expect(await popup.getByLabel("Impact (days)").inputValue()).toBe("3");
    expect(await popup.getByLabel("Status", { exact: true }).inputValue()).toBe("approved");
    expect(cardData(stack, card).scope ?? null).toBeNull();

    await popup.getByLabel("Rationale").fill("Security requirement from the client's CISO");
    await popup.getByRole("button", { name: "Save scope" }).click();
    await popupClosed(page);
    await frontBadge(page, card, "Change request: approved").waitFor();
    expect(errors).toEqual([]);
  });

  it("shows a card name that looks like HTML as plain text in the change request's title", async () => {
    const name = "<img src=x onerror=alert(1)>";
    const card = seedCard(stack, name);
    const { page, errors } = await openBoard(browser, stack);

    const popup = await openCardPopup(page, card, "Scope");
    await popup.getByLabel("Change request", { exact: true }).check();
    expect(await popup.locator("fieldset.change-request legend").textContent()).toBe(`Change request: ${name}`);
    expect(await popup.locator("img").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
