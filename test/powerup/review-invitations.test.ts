import { saveFrameScreenshot } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";

let stack: DevHostStack;
let sprintCard: string;

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  const { sim, boardId, lists } = stack;
  sprintCard = String(sim.createCard(lists.todo, { name: "Sprint 1" }).id);
  sim.setPluginData(
    { scope: "card", idModel: sprintCard },
    { sprint: { v: 1, number: 1, start: "2026-12-01", end: "2026-12-14", goal: "Checkout", committed: [] } },
  );
  const dana = String(sim.createCard(lists.todo, { name: "Dana Ruiz" }).id);
  sim.setPluginData(
    { scope: "card", idModel: dana },
    {
      stakeholder: {
        v: 1,
        name: "Dana Ruiz",
        type: "client",
        org: "ACME",
        influence: "high",
        interest: "high",
        channel: "email",
        contact: "dana@acme.example",
        cadenceDays: 7,
        buyIn: "sceptic",
        status: "active",
        initiation: { platform: true, roles: true, reviews: true, scope: true },
      },
    },
  );
  for (const idCard of [sprintCard, dana]) {
    const refreshed = await fetch(`${stack.baseUrl}/api/boards/${boardId}/plugin-data/refresh`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await sim.mintJwt({ idBoard: boardId })}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ idCard }),
    });
    expect(refreshed.status).toBe(200);
  }
});

describe("Sprint reviews with stakeholders, from the Sprint modal", () => {
  it("invites the stakeholders invited to reviews, and gives a calendar URL that a browser without Trello reads as text/calendar", async () => {
    const { page } = await suite.openDevHost();
    await page.getByRole("button", { name: "Sprint", exact: true }).click();
    const modal = page.frameLocator('iframe[data-frame="modal"]');
    await modal.getByRole("button", { name: "Invite to Sprint 1 review" }).click();
    await modal.getByText(/Dana Ruiz: invitation sent/).waitFor();
    const invitation = stack.store.deliveries.listBoard(stack.boardId, 10).find((d) => d.kind === "invitation")!;
    expect(invitation).toMatchObject({ recipient: "dana@acme.example", audience: "client" });

    await modal.getByRole("button", { name: "Get a calendar URL" }).click();
    const url = await modal.getByLabel("Subscription URL").inputValue();
    await saveFrameScreenshot(page, "modal", "sprint-review-calendar");
    const outsider = await suite.browser.newContext();
    const response = await outsider.request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
    // Long lines are folded (RFC 5545): unfolded before reading.
    expect((await response.text()).replace(/\r?\n[ \t]/g, "")).toContain(
      `UID:sprint-review-${sprintCard}@${stack.boardId}.stakeholder-loop`,
    );

    await modal.getByRole("button", { name: "Stop all calendar URLs" }).click();
    await modal.getByText("Stopped 1 calendar URL.").waitFor();
    expect((await outsider.request.get(url)).status()).toBe(404);
    await outsider.close();
  });
});
