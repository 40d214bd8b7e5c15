import fs from "node:fs";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { stakeholderRecord } from "../support/loop-fixtures";
import { launchBrowser, openPage, saveScreenshot, type OpenedPage } from "../support/browser";
import { startDevHostStack, type DevHostStack } from "../support/dev-host-stack";

// A browser, the simulator and the service share the machine: give each step room under load.
jest.setTimeout(90_000);

/** Where the dev host's fake client keeps the member's REST token (what t.getRestApi().authorize() stores). */
const TOKEN_KEY_PREFIX = "loop-dev-host:token:";

interface SimCard {
  id: string;
  name: string;
  idList: string;
}

describe("the Stakeholders modal, on the dev host in Chromium", () => {
  let browser: Browser;
  let stack: DevHostStack;
  let opened: OpenedPage;
  let page: Page;

  const boardCards = async (): Promise<SimCard[]> => {
    const query = new URLSearchParams({ key: stack.simInfo.key, token: stack.simInfo.token, fields: "id,name,idList" });
    return (await (
      await fetch(`${stack.simInfo.baseUrl}/1/boards/${stack.boardId}/cards?${query}`)
    ).json()) as SimCard[];
  };
  const cardData = (idModel: string) => stack.sim.getPluginData({ scope: "card", idModel });

  async function openStakeholders(): Promise<FrameLocator> {
    await page.getByRole("button", { name: "Stakeholders", exact: true }).click();
    const modal = page.frameLocator('iframe[data-frame="modal"]');
    await modal.getByRole("heading", { name: /^Stakeholders — / }).waitFor();
    return modal;
  }

  async function authorize(): Promise<void> {
    type WithStorage = { localStorage: { setItem(key: string, value: string): void } };
    await page.evaluate(
      ([key, token]) => (globalThis as unknown as WithStorage).localStorage.setItem(key!, token!),
      [`${TOKEN_KEY_PREFIX}${stack.simInfo.memberId}`, stack.simInfo.token],
    );
  }

  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startDevHostStack()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  beforeEach(async () => {
    // Each test starts from a board without Loop data (cards made by earlier tests stay, as plain cards).
    for (const card of await boardCards())
      stack.sim.setPluginData({ scope: "card", idModel: card.id }, { stakeholder: undefined, log: undefined });
    stack.sim.setPluginData({ scope: "board", idModel: stack.boardId }, { documents: undefined, settings: undefined });
  });
  afterEach(async () => {
    await page?.context().close();
  });

  /** Opens the dev host on the board as it is now (each test seeds first: the host reads the board when it boots). */
  async function openDevHost(): Promise<void> {
    opened = await openPage(browser, stack.devHostUrl);
    page = opened.page;
    // Booting the dev host (connector, board, badges) is the slowest step on a loaded machine.
    page.setDefaultTimeout(20_000);
    await page.getByRole("button", { name: "Stakeholders", exact: true }).waitFor();
  }

  it("explains how to add the first stakeholder when the board has none", async () => {
    await openDevHost();
    const modal = await openStakeholders();
    await modal.getByText("No stakeholders on this board yet.").waitFor();
    await expect(
      modal.getByText(/Click “Add stakeholder” to add your first client or partner/).isVisible(),
    ).resolves.toBe(true);
    await saveScreenshot(page, "stakeholders-empty");
  });

  it("adds a client on a new card and a partner on an existing card, and lists both with their type and in the grid", async () => {
    await openDevHost();
    await authorize();
    const modal = await openStakeholders();

    await modal.getByRole("button", { name: "Add stakeholder" }).click();
    await expect(modal.getByLabel("Card", { exact: true }).inputValue()).resolves.toBe(`new:${stack.lists.todo}`);
    await modal.getByLabel("Name", { exact: true }).fill("Dana Whitfield");
    await modal.getByLabel("Organisation").fill("ACME Retail");
    await expect(modal.getByLabel("Update cadence (days)").inputValue()).resolves.toBe("7");
    await modal.getByLabel("Communication platform agreed").check();
    await saveScreenshot(page, "stakeholders-form");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Dana Whitfield").waitFor();

    const client = (await boardCards()).find((card) => card.name === "Dana Whitfield");
    expect(client?.idList).toBe(stack.lists.todo);
    expect(cardData(client!.id).stakeholder).toMatchObject({
      v: 1,
      name: "Dana Whitfield",
      type: "client",
      org: "ACME Retail",
      cadenceDays: 7,
    });

    await modal.getByRole("button", { name: "Add stakeholder" }).click();
    await modal.getByLabel("Card", { exact: true }).selectOption({ label: "Kick-off workshop" });
    await modal.getByLabel("Name", { exact: true }).fill("Priya Natarajan");
    await modal.getByLabel("Type").selectOption("partner");
    await expect(modal.getByLabel("Update cadence (days)").inputValue()).resolves.toBe("14");
    await modal.getByLabel("Influence").selectOption("high");
    await modal.getByLabel("Interest").selectOption("low");
    await modal.getByLabel("Channel").selectOption("slack");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Priya Natarajan").waitFor();
    expect(cardData(stack.cards.kickoff).stakeholder).toMatchObject({
      name: "Priya Natarajan",
      type: "partner",
      cadenceDays: 14,
      influence: "high",
    });

    const rows = modal.locator("table.registry-table tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    const dana = rows.filter({ hasText: "Dana Whitfield" });
    await expect(dana.innerText()).resolves.toMatch(
      /client[\s\S]*email · every 7 days[\s\S]*No update yet[\s\S]*1 of 4/,
    );
    await expect(dana.innerText()).resolves.toContain("ACME Retail");
    const priya = rows.filter({ hasText: "Priya Natarajan" });
    await expect(priya.innerText()).resolves.toMatch(/partner[\s\S]*slack · every 14 days/);
    await saveScreenshot(page, "stakeholders-registry");

    await modal.getByLabel("Type").selectOption("partner");
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toContain("Priya Natarajan");

    await modal.getByRole("tab", { name: "Power / interest grid" }).click();
    const keepSatisfied = modal.getByRole("group", { name: "Influence high, interest low: Keep satisfied" });
    await expect(keepSatisfied.innerText()).resolves.toContain("Priya Natarajan");
    const manageClosely = modal.getByRole("group", { name: "Influence medium, interest medium: Manage closely" });
    await expect(manageClosely.innerText()).resolves.toContain("Dana Whitfield");
    await expect(modal.getByRole("group", { name: /^Influence low, interest low: Monitor/ }).isVisible()).resolves.toBe(
      true,
    );
    await saveScreenshot(page, "stakeholders-grid");
    expect(opened.errors).toEqual([]);
  });

  it("offers Authorize in place before it creates a card, keeping what was typed, and saves after that one click", async () => {
    await openDevHost();
    const modal = await openStakeholders();
    await modal.getByRole("button", { name: "Add stakeholder" }).click();
    await modal.getByLabel("Name", { exact: true }).fill("Unauthorized Client");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    const offer = modal.locator(".authorize-in-place");
    await offer.getByText("needs your own Trello authorization").waitFor();
    await expect(modal.getByLabel("Name", { exact: true }).inputValue()).resolves.toBe("Unauthorized Client");
    expect((await boardCards()).some((card) => card.name === "Unauthorized Client")).toBe(false);

    await offer.getByRole("button", { name: "Authorize" }).click();
    await modal.getByText("Saved Unauthorized Client").waitFor();
    expect((await boardCards()).filter((card) => card.name === "Unauthorized Client")).toHaveLength(1);
  });

  it("shows field errors inline for an empty name and a cadence of 0, and keeps the typed values", async () => {
    await openDevHost();
    await authorize();
    const modal = await openStakeholders();
    const before = (await boardCards()).length;
    await modal.getByRole("button", { name: "Add stakeholder" }).click();
    await modal.getByLabel("Organisation").fill("Globex");
    await modal.getByLabel("Contact").fill("ops@globex.example");
    await modal.getByLabel("Update cadence (days)").fill("0");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();

    await modal.getByText("Name is required").waitFor();
    await modal.getByText("Update cadence must be at least 1").waitFor();
    await expect(modal.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(modal.getByLabel("Organisation").inputValue()).resolves.toBe("Globex");
    await expect(modal.getByLabel("Contact").inputValue()).resolves.toBe("ops@globex.example");
    await expect(modal.getByLabel("Update cadence (days)").inputValue()).resolves.toBe("0");
    expect((await boardCards()).length).toBe(before);
    await saveScreenshot(page, "stakeholders-form-errors");
  });

  it("shows a hand-edited stakeholder record as a readable error with Edit, which repairs it", async () => {
    stack.sim.setPluginData(
      { scope: "card", idModel: stack.cards.sla },
      {
        stakeholder: {
          v: 1,
          name: "Legal team",
          type: "vendor",
          influence: "high",
          interest: "high",
          channel: "email",
          cadenceDays: 7,
          buyIn: "neutral",
          status: "active",
          initiation: { platform: false, roles: false, reviews: false, scope: false },
        },
      },
    );
    await openDevHost();
    const modal = await openStakeholders();
    const row = modal.locator("tr.invalid-row");
    await expect(row.innerText()).resolves.toContain(
      "The saved stakeholder cannot be read: type: Choose a stakeholder type",
    );
    await expect(row.innerText()).resolves.toContain("SLA draft");
    await saveScreenshot(page, "stakeholders-invalid-record");

    await row.getByRole("button", { name: "Edit" }).click();
    await modal.getByText(/The saved stakeholder cannot be read/).waitFor();
    // What is still valid is offered as stored: only the broken field needs correcting.
    await expect(modal.getByLabel("Name", { exact: true }).inputValue()).resolves.toBe("Legal team");
    await expect(modal.getByLabel("Influence").inputValue()).resolves.toBe("high");
    await modal.getByLabel("Type").selectOption("internal");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Legal team").waitFor();
    expect(cardData(stack.cards.sla).stakeholder).toMatchObject({
      name: "Legal team",
      type: "internal",
      influence: "high",
      interest: "high",
    });
    await expect(modal.locator("tr.invalid-row").count()).resolves.toBe(0);
  });

  it("shows an escalated stakeholder highlighted with the lead it went to", async () => {
    stack.sim.setPluginData(
      { scope: "board", idModel: stack.boardId },
      {
        settings: {
          v: 1,
          doneLists: [],
          sprintDays: 14,
          reportAudience: "internal",
          reportOnMonthClose: true,
          operationalLead: stack.simInfo.memberId,
        },
      },
    );
    stack.sim.setPluginData(
      { scope: "card", idModel: stack.cards.mobileApp },
      {
        stakeholder: {
          v: 1,
          name: "Marco Bellini",
          type: "client",
          influence: "high",
          interest: "medium",
          channel: "phone",
          cadenceDays: 7,
          buyIn: "sceptic",
          status: "escalated",
          escalation: { to: "operational", reason: "Keeps adding scope in calls", on: "2026-11-20" },
          initiation: { platform: true, roles: true, reviews: false, scope: false },
        },
      },
    );
    await openDevHost();
    const modal = await openStakeholders();
    const row = modal.locator("tr.status-escalated");
    await expect(row.innerText()).resolves.toMatch(
      /escalated[\s\S]*to the operational lead \(.+\) on 2026-11-20[\s\S]*Keeps adding scope in calls/,
    );
    await expect(row.innerText()).resolves.toContain("2 of 4");
    await expect(row.getByRole("list", { name: "Still open" }).locator("li").allInnerTexts()).resolves.toEqual([
      "Invited to sprint reviews",
      "Scope boundaries acknowledged",
    ]);
    await saveScreenshot(page, "stakeholders-escalated");
    await modal.getByLabel("Status").selectOption("difficult");
    await expect(modal.locator("table.registry-table tbody tr").count()).resolves.toBe(0);
    await modal.getByLabel("Status").selectOption("escalated");
    await expect(modal.locator("table.registry-table tbody tr").count()).resolves.toBe(1);
  });

  it("escalates a difficult stakeholder to the technical lead named in the board settings, and needs a reason", async () => {
    stack.sim.setPluginData(
      { scope: "board", idModel: stack.boardId },
      {
        settings: {
          v: 1,
          doneLists: [],
          sprintDays: 14,
          reportAudience: "internal",
          reportOnMonthClose: true,
          technicalLead: stack.simInfo.memberId,
        },
      },
    );
    stack.sim.setPluginData(
      { scope: "card", idModel: stack.cards.mobileApp },
      {
        stakeholder: {
          v: 1,
          name: "Marco Bellini",
          type: "client",
          org: "Bellini Foods",
          influence: "high",
          interest: "medium",
          channel: "phone",
          cadenceDays: 7,
          buyIn: "sceptic",
          status: "difficult",
          initiation: { platform: true, roles: false, reviews: false, scope: false },
        },
      },
    );
    await openDevHost();
    const modal = await openStakeholders();
    await expect(modal.locator("tr.status-difficult").innerText()).resolves.toContain("Marco Bellini");
    await modal.getByRole("button", { name: "Edit Marco Bellini" }).click();
    await expect(modal.getByLabel("Escalated to").isVisible()).resolves.toBe(false);
    await modal.getByLabel("Status", { exact: true }).selectOption("escalated");
    const leadOption = modal.getByLabel("Escalated to").locator('option[value="technical"]');
    await expect(leadOption.textContent()).resolves.toMatch(/^Technical lead \(.+\)$/);
    await modal.getByLabel("Escalated to").selectOption("technical");
    await expect(modal.getByLabel("Escalated on").inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Reason is required").waitFor();
    expect(cardData(stack.cards.mobileApp).stakeholder).toMatchObject({ status: "difficult" });

    await modal.getByLabel("Reason", { exact: true }).fill("Rejects every estimate; needs an architecture decision");
    await saveScreenshot(page, "stakeholders-escalation-form");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Marco Bellini").waitFor();
    expect(cardData(stack.cards.mobileApp).stakeholder).toMatchObject({
      status: "escalated",
      org: "Bellini Foods",
      escalation: { to: "technical", reason: "Rejects every estimate; needs an architecture decision" },
    });
    await expect(modal.locator("tr.status-escalated").innerText()).resolves.toMatch(/to the technical lead \(.+\)/);
  });

  it("asks why a stakeholder is difficult and when and why one is released; a resolved escalation reads as active", async () => {
    const escalation = { to: "technical", reason: "Rejects every estimate", on: "2026-03-10" };
    stack.sim.setPluginData(
      { scope: "card", idModel: stack.cards.mobileApp },
      {
        stakeholder: {
          v: 1,
          name: "Marco Bellini",
          type: "client",
          org: "Bellini Foods",
          influence: "high",
          interest: "medium",
          channel: "phone",
          cadenceDays: 7,
          buyIn: "sceptic",
          status: "escalated",
          escalation,
          initiation: { platform: true, roles: false, reviews: false, scope: false },
        },
      },
    );
    await openDevHost();
    const modal = await openStakeholders();
    await modal.getByRole("button", { name: "Edit Marco Bellini" }).click();
    await modal.getByLabel("Resolved on").fill("2026-03-25");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Marco Bellini").waitFor();
    // Saved as escalated with a resolution date: the one rule in shared/ says the escalation is over.
    expect(cardData(stack.cards.mobileApp).stakeholder).toMatchObject({
      status: "escalated",
      escalation: { resolvedOn: "2026-03-25" },
    });
    const row = modal.locator("tr", { hasText: "Marco Bellini" });
    await expect(row.getAttribute("class")).resolves.toContain("status-active");
    await expect(row.innerText()).resolves.toContain("Escalation resolved on 2026-03-25");

    await modal.getByRole("button", { name: "Edit Marco Bellini" }).click();
    await modal.getByLabel("Status", { exact: true }).selectOption("difficult");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Say why the stakeholder is difficult").waitFor();
    await modal.getByLabel("Why difficult").fill("Rewrites the brief every week");
    await saveScreenshot(page, "stakeholders-difficult-reason");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Marco Bellini").waitFor();
    expect(cardData(stack.cards.mobileApp).stakeholder).toMatchObject({
      status: "difficult",
      difficultReason: "Rewrites the brief every week",
    });

    await modal.getByRole("button", { name: "Edit Marco Bellini" }).click();
    await modal.getByLabel("Status", { exact: true }).selectOption("released");
    await expect(modal.getByLabel("Released on").inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await modal.getByLabel("Released on").fill("2026-03-28");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Release reason is required").waitFor();
    await modal.getByLabel("Release reason").fill("Moved to another project");
    await saveScreenshot(page, "stakeholders-release-form");
    await modal.getByRole("button", { name: "Save stakeholder" }).click();
    await modal.getByText("Saved Marco Bellini").waitFor();
    expect(cardData(stack.cards.mobileApp).stakeholder).toMatchObject({
      status: "released",
      release: { on: "2026-03-28", reason: "Moved to another project" },
    });
    const released = modal.locator("tr", { hasText: "Marco Bellini" });
    await expect(released.innerText()).resolves.toContain("Released on 2026-03-28: Moved to another project");
    // Released: owed no update, though none was ever logged.
    await expect(released.locator(".update-state").innerText()).resolves.not.toMatch(/overdue|no update/i);
  });

  it("shows a card name typed as HTML as text, and finds stakeholders by a search", async () => {
    const hostile = String(stack.sim.createCard(stack.lists.doing, { name: "<img src=x onerror=alert(1)>" }).id);
    stack.sim.setPluginData({ scope: "card", idModel: hostile }, { stakeholder: { v: 1, name: 42 } });
    stack.sim.setPluginData(
      { scope: "card", idModel: stack.cards.kickoff },
      {
        stakeholder: {
          v: 1,
          name: "Priya Natarajan",
          type: "partner",
          org: "Northwind",
          influence: "low",
          interest: "high",
          channel: "slack",
          cadenceDays: 14,
          buyIn: "champion",
          status: "active",
          initiation: { platform: true, roles: true, reviews: true, scope: true },
        },
      },
    );
    await openDevHost();
    const modal = await openStakeholders();
    await expect(modal.locator("tr.invalid-row th").textContent()).resolves.toBe("<img src=x onerror=alert(1)>");
    await expect(modal.locator("tr.invalid-row img").count()).resolves.toBe(0);
    await modal.getByLabel("Search").fill("northwind");
    await expect(modal.locator("table.registry-table tbody tr").allInnerTexts()).resolves.toEqual([
      expect.stringContaining("Priya Natarajan"),
    ]);
    await modal.getByLabel("Search").fill("nobody");
    await modal.getByText("No stakeholder matches these filters.").waitFor();
    expect(opened.errors).toEqual([]);
  });

  it("saves the MOU as signed and shared, and a custom document, in the board's pluginData", async () => {
    await openDevHost();
    const modal = await openStakeholders();
    await modal.getByRole("tab", { name: "Agreements" }).click();
    await modal.getByLabel("Status of Memorandum of understanding (MOU)").selectOption("signed");
    await modal.getByLabel("Link to Memorandum of understanding (MOU)").fill("https://docs.example.com/mou.pdf");
    await modal.getByLabel("Memorandum of understanding (MOU) shared with the other party").check();
    await modal.getByLabel("New document").fill("Data processing agreement");
    await modal.getByRole("button", { name: "Add document" }).click();
    await expect(modal.getByLabel("Status of Memorandum of understanding (MOU)").inputValue()).resolves.toBe("signed");
    await modal.getByRole("button", { name: "Save agreements" }).click();
    await modal.getByText("Agreements saved").waitFor();

    const documents = stack.sim.getPluginData({ scope: "board", idModel: stack.boardId }).documents as {
      items: Record<string, unknown>[];
    };
    expect(documents.items[0]).toEqual({
      id: "mou",
      name: "Memorandum of understanding (MOU)",
      status: "signed",
      link: "https://docs.example.com/mou.pdf",
      shared: true,
    });
    expect(documents.items.map((item) => item.id)).toEqual(["mou", "sla", "access", "data-processing-agre"]);
    await expect(modal.getByLabel("Status of Memorandum of understanding (MOU)").inputValue()).resolves.toBe("signed");
    await saveScreenshot(page, "stakeholders-agreements");
  });

  it("keeps one agreements checklist per party: the old unnamed one is the client's, the partner's starts from the standard documents", async () => {
    const person = (idModel: string, name: string, type: string, org: string) =>
      stack.sim.setPluginData(
        { scope: "card", idModel },
        {
          stakeholder: {
            v: 1,
            name,
            type,
            org,
            influence: "high",
            interest: "high",
            channel: "email",
            cadenceDays: 7,
            buyIn: "neutral",
            status: "active",
            initiation: { platform: true, roles: true, reviews: true, scope: true },
          },
        },
      );
    person(stack.cards.mobileApp, "Dana Ruiz", "client", "ACME");
    person(stack.cards.kickoff, "Priya Natarajan", "partner", "Northwind");
    stack.sim.setPluginData(
      { scope: "board", idModel: stack.boardId },
      {
        documents: {
          v: 1,
          items: [{ id: "mou", name: "Memorandum of understanding (MOU)", status: "signed", shared: true }],
        },
      },
    );
    await openDevHost();
    const modal = await openStakeholders();
    await modal.getByRole("tab", { name: "Agreements" }).click();
    await expect(modal.getByLabel("Agreements with").inputValue()).resolves.toBe("ACME");
    await expect(modal.getByLabel("Status of Memorandum of understanding (MOU)").inputValue()).resolves.toBe("signed");
    await modal.getByLabel("Agreements with").selectOption("Northwind");
    await expect(modal.getByLabel("Status of Memorandum of understanding (MOU)").inputValue()).resolves.toBe("missing");
    await modal.getByLabel("Status of Service level agreement (SLA)").selectOption("draft");
    await saveScreenshot(page, "stakeholders-agreements-per-party");
    await modal.getByRole("button", { name: "Save agreements" }).click();
    await modal.getByText("Agreements saved").waitFor();

    const documents = stack.sim.getPluginData({ scope: "board", idModel: stack.boardId }).documents as {
      items: Record<string, unknown>[];
    };
    expect(documents.items.map((i) => [i.party, i.id, i.status])).toEqual([
      ["Northwind", "mou", "missing"],
      ["Northwind", "sla", "draft"],
      ["Northwind", "access", "missing"],
      // The unnamed checklist was ACME's (the board's one client); saved, it names ACME.
      ["ACME", "mou", "signed"],
    ]);
  });

  it("shows an agreements checklist that cannot be read as a readable error, and saving starts it over", async () => {
    stack.sim.setPluginData(
      { scope: "board", idModel: stack.boardId },
      { documents: { v: 1, items: [{ id: "MOU!", name: "MOU", status: "signed", shared: true }] } },
    );
    await openDevHost();
    const modal = await openStakeholders();
    await modal.getByRole("tab", { name: "Agreements" }).click();
    await modal
      .getByText(/The saved agreements checklist cannot be read: items\.0\.id: Document id is malformed/)
      .waitFor();
    await saveScreenshot(page, "stakeholders-agreements-unreadable");
    await modal.getByLabel("Status of Service level agreement (SLA)").selectOption("draft");
    await modal.getByRole("button", { name: "Save agreements" }).click();
    await modal.getByText("Agreements saved").waitFor();
    const documents = stack.sim.getPluginData({ scope: "board", idModel: stack.boardId }).documents as {
      items: { id: string; status: string }[];
    };
    expect(documents.items.map((item) => [item.id, item.status])).toEqual([
      ["mou", "missing"],
      ["sla", "draft"],
      ["access", "missing"],
    ]);
    await expect(modal.getByText(/cannot be read/).count()).resolves.toBe(0);
  });

  it("shows a link that is not an address as an error beside it, without saving", async () => {
    await openDevHost();
    const modal = await openStakeholders();
    await modal.getByRole("tab", { name: "Agreements" }).click();
    await modal.getByLabel("Link to Service level agreement (SLA)").fill("shared drive");
    await modal.getByRole("button", { name: "Save agreements" }).click();
    await modal.getByText("Link must be an http(s) address").waitFor();
    await expect(modal.getByLabel("Link to Service level agreement (SLA)").inputValue()).resolves.toBe("shared drive");
    expect(stack.sim.getPluginData({ scope: "board", idModel: stack.boardId }).documents).toBeUndefined();
  });

  it("exports the register as CSV and XLSX with the member's JWT, every field of each stakeholder", async () => {
    stack.sim.setPluginData(
      { scope: "card", idModel: stack.cards.sla },
      { stakeholder: stakeholderRecord("Jonas Berg", { type: "partner", org: "Northwind" }) },
    );
    const jwt = await stack.sim.mintJwt({ idBoard: stack.boardId });
    const refreshed = await fetch(`${stack.baseUrl}/api/boards/${stack.boardId}/plugin-data/refresh`, {
      method: "POST",
      headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
      body: JSON.stringify({ idCard: stack.cards.sla }),
    });
    expect(refreshed.status).toBe(200);
    await openDevHost();
    const modal = await openStakeholders();
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      modal.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^stakeholder-register-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await csv.path())!, "utf8");
    expect(text.split("\r\n")[0]).toMatch(
      /^Name,Type,Organisation,Roles,Responsibilities,Rights,Influence,Interest,Channel,Contact,/,
    );
    expect(text).toContain("Jonas Berg,partner");
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      modal.getByRole("button", { name: "Export XLSX" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      fs
        .readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    await modal.getByText(`Saved ${xlsx.suggestedFilename()}.`).waitFor();
  });
});
