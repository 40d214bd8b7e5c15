import path from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { runDemo, type RunningDemo } from "../../../scripts/demo/run-demo";
import { deliveryOf } from "../../../server/app";
import { createStore } from "../../../server/store/create-store";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import { launchBrowser, openPage, saveFrameScreenshot, saveScreenshot } from "../../support/browser";
import { partyMessageLeaks } from "../../support/party-message-leaks";
import { makeTempDir } from "../../support/test-app";

// The demo seeds four months and a browser drives it, on a machine shared with other suites.
jest.setTimeout(180_000);

const TOKEN_KEY_PREFIX = "loop-dev-host:token:";

/** What only the team knows about the demo's stakeholders (buy-in levels, the escalation's reason). */
const INTERNAL = ["champion", "Sandbox credentials for the shipping API three weeks late"];

describe("Send update from the demo's registry, in Chromium", () => {
  const temp = makeTempDir();
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const config = loadConfig({ PORT: "0", DATABASE_PATH: path.join(temp.dir, "demo.db"), LOG_LEVEL: "silent" });
    [demo, browser] = await Promise.all([
      runDemo(config, createLogger("silent"), { write: () => undefined }),
      launchBrowser(),
    ]);
    page = (await openPage(browser, `${demo.serviceUrl}/dev-host/?board=${demo.board.boardId}`)).page;
    page.setDefaultTimeout(30_000);
    type WithStorage = { localStorage: { setItem(key: string, value: string): void } };
    const session = (await (await fetch(`${demo.serviceUrl}/dev-host/session.json`)).json()) as {
      memberId: string;
      token: string;
    };
    await page.evaluate(
      ([key, token]) => (globalThis as unknown as WithStorage).localStorage.setItem(key!, token!),
      [`${TOKEN_KEY_PREFIX}${session.memberId}`, session.token],
    );
    await page.reload();
    await page.getByRole("button", { name: "Stakeholders", exact: true }).waitFor();
  }, 180_000);

  afterAll(async () => {
    expect(partyMessageLeaks(demo.outbox.all(), INTERNAL)).toEqual([]);
    await browser?.close();
    await demo?.close();
    temp.remove();
  });

  async function openStakeholders(): Promise<FrameLocator> {
    await page.getByRole("button", { name: "Stakeholders", exact: true }).click();
    const modal = page.frameLocator('iframe[data-frame="modal"]');
    await modal.getByRole("heading", { name: /^Stakeholders — / }).waitFor();
    return modal;
  }

  const badges = (cardId: string) => page.locator(`article.card-tile[data-card-id="${cardId}"] .card-badge`);
  const badgeTexts = async (cardId: string) => (await badges(cardId).allTextContents()).join(" ");

  it("When the PM sends Marek (overdue, email) an edited draft, then it arrives in the Outbox, his log has it and his badge is no longer overdue", async () => {
    const marek = demo.loop.stakeholders.marek;
    await badges(marek)
      .filter({ hasText: /Update overdue \d+d/ })
      .waitFor();
    const modal = await openStakeholders();
    await modal.getByRole("button", { name: "Send update to Marek Fischer" }).click();
    const text = modal.getByLabel("Message");
    await text.waitFor();
    await expect(text.inputValue()).resolves.toMatch(/^Hello Marek,/);
    await expect(
      modal.getByText(/By Email to marek\.fischer@acme\.example · the client copy for ACME/).isVisible(),
    ).resolves.toBe(true);
    await saveFrameScreenshot(page, "modal", "send-update-draft");
    await text.fill(`${await text.inputValue()}\n\nP.S. The invoice history screens are ready for your review.`);
    await modal.getByRole("button", { name: "Send", exact: true }).click();
    await modal.getByText("Update sent to Marek Fischer by Email").waitFor();
    const row = modal.locator("tr", { hasText: "Marek Fischer" });
    await expect(row.locator(".update-state").innerText()).resolves.toBe("Up to date");
    await saveFrameScreenshot(page, "modal", "send-update-sent");

    const [mail] = demo.outbox.all().filter((m) => m.transport === "email");
    expect(mail).toMatchObject({ to: "marek.fischer@acme.example", audience: "client" });
    expect(mail!.text).toContain("P.S. The invoice history screens are ready for your review.");
    const log = demo.sim.getPluginData({ scope: "card", idModel: demo.loop.stakeholders.marek }).log as {
      entries: { summary: string; channel: string }[];
    };
    expect(log.entries[0]).toMatchObject({ channel: "email", summary: expect.stringMatching(/^Sent: /) });

    await page.getByRole("button", { name: "Close modal" }).click();
    // The dev host redraws the board's badges from pluginData when the modal writes it.
    let shown = "";
    for (let i = 0; i < 60 && /overdue/i.test((shown = await badgeTexts(marek))); i++) await page.waitForTimeout(500);
    expect(shown).not.toMatch(/overdue/i);
  });

  it("When the PM sends Dana (client, Teams) an update, then the Teams webhook receives an Adaptive Card in ACME's copy, shown in the Outbox", async () => {
    const modal = await openStakeholders();
    // Her Teams webhook URL is set (the demo stored it): the form says so and never shows it.
    await modal.getByRole("button", { name: "Edit Dana Ruiz" }).click();
    await modal.getByText(/^Set — stored encrypted by the service/).waitFor();
    await expect(modal.getByLabel("Chat webhook URL").inputValue()).resolves.toBe("");
    await saveFrameScreenshot(page, "modal", "stakeholder-chat-webhook");
    await modal.getByRole("button", { name: "Cancel" }).click();
    await modal.getByRole("button", { name: "Send update to Dana Ruiz" }).click();
    await modal.getByLabel("Message").waitFor();
    await expect(modal.getByText(/By Microsoft Teams · the client copy for ACME/).isVisible()).resolves.toBe(true);
    await modal.getByRole("button", { name: "Send", exact: true }).click();
    await modal.getByText("Update sent to Dana Ruiz by Microsoft Teams").waitFor();
    const [teams] = demo.outbox.all().filter((m) => m.transport === "teams");
    expect(teams).toMatchObject({ to: "acme-dana-ruiz", audience: "client" });
    expect((teams!.payload as any).attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");

    // An HTML mail with a PDF, as the monthly report goes out, through the same pipeline: the Outbox renders it framed.
    const queued = deliveryOf(demo.app).enqueue(
      {
        boardId: demo.board.boardId,
        stakeholderCardId: demo.loop.stakeholders.jonas,
        idempotencyKey: "demo-outbox-html",
        kind: "report",
        audience: "partner",
        channel: "email",
        to: "jonas.berg@northwind.example",
        subject: "Northwind: the month in one page",
        text: "Milestones hit: 2.",
        html: '<div style="font-family:Arial;color:#172b4d"><h1 style="font-size:20px">The month in one page</h1><p>Milestones hit: <b>2</b>.</p><script>document.body.innerHTML="scripted"</script></div>',
        attachments: [
          {
            filename: "northwind-report.pdf",
            contentType: "application/pdf",
            content: Buffer.from("%PDF-1.4\n%%EOF\n"),
          },
        ],
      },
      "test",
    );
    for (let i = 0; i < 100 && createStore(demo.db).deliveries.get(queued.id)?.status !== "sent"; i++)
      await page.waitForTimeout(100);

    const outbox = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await outbox.goto(`${demo.serviceUrl}/dev-host/outbox`);
    await outbox.getByRole("heading", { name: "Outbox" }).waitFor();
    await expect(outbox.locator("article.message").count()).resolves.toBe(3);
    const mailFrame = outbox.frameLocator('article[data-transport="email"] iframe.mail-body').first();
    await expect(mailFrame.getByRole("heading", { name: "The month in one page" }).isVisible()).resolves.toBe(true);
    await expect(mailFrame.getByText("scripted").count()).resolves.toBe(0);
    await expect(outbox.getByRole("link", { name: "northwind-report.pdf" }).isVisible()).resolves.toBe(true);
    await expect(outbox.locator('article[data-transport="teams"] .payload').innerText()).resolves.toContain(
      "AdaptiveCard",
    );
    await saveScreenshot(outbox, "outbox");
    await outbox.close();
  });

  it("When a send fails after its retries, then the registry shows the PM the reason beside the stakeholder", async () => {
    const { id } = deliveryOf(demo.app).enqueue(
      {
        boardId: demo.board.boardId,
        stakeholderCardId: demo.loop.stakeholders.jonas,
        idempotencyKey: "demo-failing-slack",
        kind: "update",
        audience: "partner",
        channel: "slack",
        to: demo.loop.stakeholders.jonas,
        subject: "Sandbox follow-up",
        text: "The tracking integration is back on plan.",
      },
      "test",
    );
    for (let i = 0; i < 100 && createStore(demo.db).deliveries.get(id)?.status !== "failed"; i++)
      await page.waitForTimeout(100);
    await page.getByRole("button", { name: "Close modal" }).click();
    const modal = await openStakeholders();
    const row = modal.locator("tr", { hasText: "Jonas Berg" });
    await expect(row.locator(".send-failed").innerText()).resolves.toBe(
      "Last send failed (Sandbox follow-up): no chat webhook URL is set for this stakeholder",
    );
    await saveFrameScreenshot(page, "modal", "stakeholders-send-failed");
  });
});
