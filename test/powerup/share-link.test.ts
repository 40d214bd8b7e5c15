import type { FrameLocator } from "playwright-core";
import { saveFrameScreenshot, saveScreenshot } from "../support/browser";
import type { DevHostStack } from "../support/dev-host-stack";
import { useDevHostSuite } from "../support/dev-host-suite";

let stack: DevHostStack;

/** The month before now, where the report is generated. */
const lastMonth = (() => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
})();

const suite = useDevHostSuite(async (seeded) => {
  stack = seeded;
  const { sim, boardId, lists } = stack;
  const person = async (name: string, type: string, org: string, buyIn: string, contact: string) => {
    const idCard = String(sim.createCard(lists.todo, { name, at: Date.parse(`${lastMonth}-02T12:00:00Z`) }).id);
    sim.setPluginData(
      { scope: "card", idModel: idCard },
      {
        stakeholder: {
          v: 1,
          name,
          type,
          org,
          influence: "high",
          interest: "high",
          channel: "email",
          contact,
          cadenceDays: 7,
          buyIn,
          status: "active",
          initiation: { platform: true, roles: true, reviews: true, scope: true },
        },
      },
    );
    const refreshed = await fetch(`${stack.baseUrl}/api/boards/${boardId}/plugin-data/refresh`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await sim.mintJwt({ idBoard: boardId })}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ idCard }),
    });
    expect(refreshed.status).toBe(200);
  };
  await person("Priya Natarajan", "partner", "Northwind", "sceptic", "priya@northwind.example");
  await person("Dana Ruiz", "client", "ACME", "champion", "dana@acme.example");
  await stack.settle();
});

/** Opens the report, generates Northwind's partner copy of last month (as this version) and waits for its share panel. */
async function partnerReport(version: number) {
  const opened = await suite.openDevHost();
  const { page } = opened;
  await page.getByRole("button", { name: "Monthly report" }).click();
  const modal: FrameLocator = page.frameLocator('iframe[data-frame="modal"]');
  await modal.getByRole("heading", { name: "Monthly report" }).waitFor();
  await modal.getByLabel("Month").fill(lastMonth);
  await modal.getByLabel("Audience").selectOption("partner");
  await modal.getByLabel("Organisation").selectOption("Northwind");
  await modal.getByRole("button", { name: "Generate report" }).click();
  await modal.getByText(new RegExp(`^Version ${version} · Partner: Northwind · `)).waitFor();
  await modal.getByText("No share link for this version yet.").waitFor();
  return { page, modal };
}

describe("Share link on the report page", () => {
  it("makes a link that opens the partner copy in a browser without Trello, records the opening, and stops working once revoked", async () => {
    const { page, modal } = await partnerReport(1);
    await modal.getByLabel("For whom (optional)").fill("Priya at Northwind");
    await modal.getByRole("button", { name: "Create share link" }).click();
    const url = await modal.getByLabel("New share link").inputValue();
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    await modal.getByText(/Priya at Northwind/).waitFor();

    // A stakeholder's browser: a fresh context, nothing of Trello's or the member's.
    const outsider = await suite.browser.newContext();
    const view = await outsider.newPage();
    const scripts: string[] = [];
    view.on("request", (request) => request.resourceType() === "script" && scripts.push(request.url()));
    const response = await view.goto(url);
    expect(response!.status()).toBe(200);
    await view.getByRole("heading", { name: /^Monthly report: / }).waitFor();
    const text = await view.locator("body").innerText();
    expect(text).toContain("Partner report for Northwind");
    expect(text).toContain("Priya Natarajan");
    expect(text).not.toMatch(/Dana Ruiz|Buy-in|sceptic|champion|Influence/i);
    expect(scripts).toEqual([]);
    await saveScreenshot(view, "share-link-view");

    const link = stack.store.shareLinks.listSnapshot(
      stack.boardId,
      (await modal.locator(".monthly-report").getAttribute("data-snapshot"))!,
    )[0]!;
    expect(link).toMatchObject({ label: "Priya at Northwind", openCount: 1 });
    expect(link.firstOpenedAt).toBeDefined();
    await saveFrameScreenshot(page, "modal", "share-link-report-page");

    await modal.getByRole("button", { name: "Revoke" }).click();
    await modal.getByText(/Revoked /).waitFor();
    const refused = await view.goto(url);
    expect(refused!.status()).toBe(410);
    await view.getByRole("heading", { name: "This report link is no longer available" }).waitFor();
    await saveScreenshot(view, "share-link-revoked");
    await outsider.close();
  });

  it("sends the partner copy to Northwind's stakeholders once, however often the button is pressed, and lists who got it", async () => {
    const { page, modal } = await partnerReport(2);
    await modal.getByRole("button", { name: "Send the monthly report" }).click();
    await modal.getByText("Priya Natarajan (email): Sending").waitFor();
    await modal.getByText("1 of 1 stakeholders of Northwind get this version.").waitFor();
    // Her email carries a link of her own, listed with the others.
    await modal.locator(".share-links li", { hasText: "Priya Natarajan" }).waitFor();
    await saveFrameScreenshot(page, "modal", "send-monthly-report");
    await modal.getByRole("button", { name: "Send the monthly report" }).click();
    await modal.getByText("Priya Natarajan (email): Already sent this version").waitFor();

    const snapshotId = (await modal.locator(".monthly-report").getAttribute("data-snapshot"))!;
    const sent = stack.store.deliveries
      .listBoard(stack.boardId, 50)
      .filter((d) => d.idempotencyKey.startsWith(`report:${snapshotId}:`));
    expect(sent.map((d) => [d.recipient, d.audience, d.kind])).toEqual([
      ["priya@northwind.example", "partner", "report"],
    ]);
  });
});
