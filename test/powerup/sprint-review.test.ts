import type { FrameLocator, Page } from "playwright-core";
import { saveFrameScreenshot, type OpenedPage } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";
import { stakeholderRecord } from "../support/loop-fixtures";

const stakeholder = (name: string, type: string) => stakeholderRecord(name, { type });

let stack: DevHostStack;
let opened: OpenedPage | undefined;
let sprintCard: string;
let danaCard: string;
let oliverCard: string;

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  const card = (name: string) => String(stack.sim.createCard(stack.lists.todo, { name }).id);
  danaCard = card("Dana Ruiz");
  oliverCard = card("Oliver Grant");
  sprintCard = card("Sprint 3");
  stack.sim.setPluginData({ scope: "card", idModel: danaCard }, { stakeholder: stakeholder("Dana Ruiz", "client") });
  stack.sim.setPluginData(
    { scope: "card", idModel: oliverCard },
    { stakeholder: stakeholder("Oliver Grant", "partner") },
  );
  stack.sim.setPluginData(
    { scope: "card", idModel: sprintCard },
    {
      sprint: {
        v: 1,
        number: 3,
        start: "2026-11-02",
        end: "2026-11-15",
        goal: "Sign the SLA",
        committed: [stack.cards.kickoff, stack.cards.sla],
      },
    },
  );
});

async function openReview(cardId: string): Promise<{ page: Page; modal: FrameLocator }> {
  opened = await suite.openDevHost();
  const { page } = opened;
  await page.locator(`[data-card-id="${cardId}"]`).click();
  await page.getByRole("button", { name: "Sprint review" }).click();
  const modal = page.frameLocator('iframe[data-frame="modal"]');
  await modal.getByRole("heading", { name: "Sprint review" }).waitFor();
  return { page, modal };
}

const reviewOf = (cardId: string) => stack.sim.getPluginData({ scope: "card", idModel: cardId }).review;

describe("the Sprint review modal", () => {
  it("shows the sprint's plan and saves the review: attendee, demoed and accepted cards, negative feedback, decisions", async () => {
    const { page, modal } = await openReview(sprintCard);
    const plan = modal.getByRole("region", { name: "Sprint plan" });
    await expect(plan.innerText()).resolves.toMatch(
      /Sprint 3: 2026-11-02 – 2026-11-15\s+Goal: Sign the SLA\s+Kick-off workshop\s+SLA draft/,
    );
    await expect(modal.getByLabel("Held on").inputValue()).resolves.toBe("2026-11-15");

    await modal.getByRole("group", { name: "Attendees" }).getByLabel("Dana Ruiz").check();
    await modal.getByRole("group", { name: "Demoed cards" }).getByLabel("Kick-off workshop").check();
    await modal.getByRole("group", { name: "Demoed cards" }).getByLabel("SLA draft").check();
    await modal.getByRole("group", { name: "Accepted cards" }).getByLabel("Kick-off workshop").check();
    await modal.getByRole("button", { name: "Add feedback" }).click();
    const feedback = modal.getByRole("group", { name: "Feedback 1" });
    await feedback.getByLabel("Stakeholder").selectOption({ label: "Dana Ruiz" });
    await feedback.getByLabel("Sentiment").selectOption("negative");
    await feedback.getByLabel("Note").fill("The SLA draft misses response times");
    await modal.getByLabel("Decisions").fill("Add response times to the SLA");
    await modal.getByLabel("Next steps").fill("Send the revised SLA by Friday");
    await saveFrameScreenshot(page, "modal", "sprint-review-modal");
    await modal.getByRole("button", { name: "Save review" }).click();

    await modal.getByText("Saved the review of Sprint 3.").waitFor();
    expect(reviewOf(sprintCard)).toEqual({
      v: 1,
      heldOn: "2026-11-15",
      attendees: [danaCard],
      demoed: [stack.cards.kickoff, stack.cards.sla],
      accepted: [stack.cards.kickoff],
      feedback: [{ by: danaCard, sentiment: "negative", note: "The SLA draft misses response times" }],
      decisions: "Add response times to the SLA",
      nextSteps: "Send the revised SLA by Friday",
    });
    expect(opened!.errors).toEqual([]);
  });

  it("opens the saved review again, and the Sprint modal marks the review as held", async () => {
    const { page, modal } = await openReview(sprintCard);
    await expect(modal.getByRole("group", { name: "Attendees" }).getByLabel("Dana Ruiz").isChecked()).resolves.toBe(
      true,
    );
    await expect(modal.getByRole("group", { name: "Feedback 1" }).getByLabel("Sentiment").inputValue()).resolves.toBe(
      "negative",
    );
    await page.getByRole("button", { name: "Close modal" }).click();
    await page.getByRole("button", { name: "Sprint", exact: true }).click();
    const sprints = page.frameLocator('iframe[data-frame="modal"]');
    await sprints.locator(`tr[data-sprint-card="${sprintCard}"]`).getByText("Review held 2026-11-15").waitFor();
  });

  it("shows a feedback row without a stakeholder as an error under that row, keeps what was typed and saves nothing", async () => {
    const before = reviewOf(sprintCard);
    const { modal } = await openReview(sprintCard);
    await modal.getByRole("button", { name: "Add feedback" }).click();
    const second = modal.getByRole("group", { name: "Feedback 2" });
    await second.getByLabel("Note").fill("Happy with the pace");
    await modal.getByLabel("Decisions").fill("Keep the cadence");
    await modal.getByRole("button", { name: "Save review" }).click();
    await second.getByText("Choose an item from the board").waitFor();
    await expect(second.getByLabel("Stakeholder").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(second.getByLabel("Note").inputValue()).resolves.toBe("Happy with the pace");
    await expect(modal.getByLabel("Decisions").inputValue()).resolves.toBe("Keep the cadence");
    expect(reviewOf(sprintCard)).toEqual(before);

    await second.getByLabel("Stakeholder").selectOption({ label: "Oliver Grant" });
    await second.getByLabel("Sentiment").selectOption("positive");
    await modal
      .getByRole("group", { name: "Feedback 1" })
      .getByRole("button", { name: "Remove this feedback" })
      .click();
    await modal.getByRole("button", { name: "Save review" }).click();
    await modal.getByText("Saved the review of Sprint 3.").waitFor();
    expect(reviewOf(sprintCard)).toMatchObject({
      feedback: [{ by: oliverCard, sentiment: "positive", note: "Happy with the pace" }],
      decisions: "Keep the cadence",
    });
  });

  it("shows a review that fails its schema as a readable error with a way to start over", async () => {
    stack.sim.setPluginData({ scope: "card", idModel: sprintCard }, { review: { v: 1, heldOn: "last Friday" } });
    const { modal } = await openReview(sprintCard);
    await modal.getByText("The saved sprint review cannot be read").waitFor();
    await modal.getByRole("button", { name: "Start a new review" }).click();
    await expect(modal.getByLabel("Held on").inputValue()).resolves.toBe("2026-11-15");
  });

  it("says so when the card no longer holds a sprint plan", async () => {
    const card = String(stack.sim.createCard(stack.lists.todo, { name: "Sprint 4" }).id);
    stack.sim.setPluginData(
      { scope: "card", idModel: card },
      { sprint: { v: 1, number: 4, start: "2026-11-16", end: "2026-11-29", committed: [] } },
    );
    opened = await suite.openDevHost();
    const { page } = opened;
    await page.locator(`[data-card-id="${card}"]`).click();
    const button = page.getByRole("button", { name: "Sprint review" });
    await button.waitFor();
    // Someone removes the plan while the card is open.
    stack.sim.setPluginData({ scope: "card", idModel: card }, { sprint: null });
    await button.click();
    const modal = page.frameLocator('iframe[data-frame="modal"]');
    await modal.getByText("This card has no sprint plan.").waitFor();
    await expect(modal.locator("form").count()).resolves.toBe(0);
  });
});
