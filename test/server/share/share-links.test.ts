import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";
import { hashShareToken, newShareToken } from "../../../server/share/share-token";

const json = (res: Response): Promise<any> => res.json();

let h: ServiceWithSim;
let boardId: string;
let partnerSnapshot: string;
let internalSnapshot: string;

async function call(method: string, path: string, body?: unknown, board = boardId): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: board })}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${h.baseUrl}/api/boards/${board}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const linksOf = (snapshotId: string) => `/reports/${snapshotId}/share-links`;

beforeAll(async () => {
  h = await startServiceWithSim();
  const board = h.sim.createBoard({ name: "Shared", lists: ["Stakeholders", "Done"], at: "2026-03-01T09:00:00Z" });
  boardId = board.id as string;
  const list = (board.lists as { id: string }[])[0]!.id;
  const id = h.sim.createCard(list, { name: "Nora", at: "2026-03-01T10:00:00Z" }).id as string;
  h.sim.setPluginData(
    { scope: "card", idModel: id },
    {
      stakeholder: {
        v: 1,
        name: "Nora",
        type: "partner",
        org: "Northwind",
        influence: "high",
        interest: "low",
        channel: "email",
        cadenceDays: 14,
        buyIn: "opponent",
        status: "difficult",
        difficultReason: "Blocks every API change",
        initiation: { platform: true, roles: true, reviews: true, scope: true },
      },
    },
  );
  expect((await h.connect(boardId)).status).toBe(202);
  await h.settle();
  // The stakeholder's record is written now, so this month's report is the one that has them.
  const month = new Date().toISOString().slice(0, 7);
  partnerSnapshot =
    // A PM note is refused for a party's copy (reports-router tests); the internal copy below carries one.
    (await json(await call("POST", "/reports", { month, audience: "partner" }))).id;
  internalSnapshot = (
    await json(await call("POST", "/reports", { month, audience: "internal", pmNote: "Nora is hard work" }))
  ).id;
});
afterAll(async () => {
  await h.close();
});

describe("share links of a report snapshot", () => {
  it("When a member shares a partner report, then the link opens that copy without any Trello credential, and the opening is recorded", async () => {
    const created = await call("POST", linksOf(partnerSnapshot), { label: "Nora at Northwind", expiresInDays: 7 });
    expect(created.status).toBe(201);
    const link = await json(created);
    expect(link).toMatchObject({
      boardId,
      snapshotId: partnerSnapshot,
      label: "Nora at Northwind",
      openCount: 0,
      createdBy: h.simInfo.memberId,
    });
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBe(7 * 86_400_000);
    expect(link.url).toMatch(new RegExp(`^${h.baseUrl}/share/[A-Za-z0-9_-]{43}$`));

    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toBe(h.store.reportSnapshots.get(boardId, partnerSnapshot)!.html);
    expect(html).toContain("Northwind");
    // The partner copy: none of our own assessments, which the internal copy of the same month has.
    expect(h.store.reportSnapshots.get(boardId, internalSnapshot)!.html).toContain("Blocks every API change");
    for (const internal of [
      "Nora is hard work",
      "Blocks every API change",
      "opponent",
      "ifficult",
      "Buy-in",
      "Influence",
    ])
      expect(html).not.toContain(internal);
    expect(html).not.toMatch(/<script/i);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("content-security-policy")).toContain("sandbox");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("x-robots-tag")).toContain("noindex");

    await fetch(link.url);
    const listed = await json(await call("GET", linksOf(partnerSnapshot)));
    const after = listed.links.find((l: any) => l.id === link.id);
    expect(after.openCount).toBe(2);
    expect(Date.parse(after.firstOpenedAt)).toBeLessThanOrEqual(Date.parse(after.lastOpenedAt));
    expect(after).not.toHaveProperty("url");
    expect(JSON.stringify(listed)).not.toContain(link.url.split("/").pop());
  });

  it("When a link is revoked, then it answers 410 with a page that does not say why, and revoking again keeps the first revocation", async () => {
    const link = await json(await call("POST", linksOf(partnerSnapshot), {}));
    expect((await fetch(link.url)).status).toBe(200);

    const revoked = await json(await call("DELETE", `${linksOf(partnerSnapshot)}/${link.id}`));
    expect(revoked).toMatchObject({ id: link.id, revokedBy: h.simInfo.memberId, openCount: 1 });

    const refused = await fetch(link.url);
    expect(refused.status).toBe(410);
    const text = await refused.text();
    expect(text).toContain("no longer available");
    expect(text).not.toMatch(/revoked|expired|Northwind|Shared/);
    expect(h.store.shareLinks.get(boardId, link.id)!.openCount).toBe(1);

    const again = await json(await call("DELETE", `${linksOf(partnerSnapshot)}/${link.id}`));
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it("When a link has expired, then it answers the same 410 page as a revoked one", async () => {
    const token = newShareToken();
    h.store.shareLinks.insert({
      id: "expired-link",
      boardId,
      snapshotId: partnerSnapshot,
      tokenHash: hashShareToken(token),
      label: "",
      createdBy: h.simInfo.memberId,
      createdAt: "2026-01-01T00:00:00.000Z",
      expiresAt: "2026-01-31T00:00:00.000Z",
    });
    const revokedLink = await json(await call("POST", linksOf(partnerSnapshot), {}));
    await call("DELETE", `${linksOf(partnerSnapshot)}/${revokedLink.id}`);

    const expired = await fetch(`${h.baseUrl}/share/${token}`);
    const revoked = await fetch(revokedLink.url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toBe(await revoked.text());
    expect(h.store.shareLinks.get(boardId, "expired-link")!.openCount).toBe(0);
  });

  it.each([
    ["a well-formed token nobody made", newShareToken()],
    ["a malformed token", "not-a-token"],
  ])("When %s is opened, then it is a 404 page", async (_what, token) => {
    const res = await fetch(`${h.baseUrl}/share/${token}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("This link does not work");
  });

  it("refuses to share an internal report with 422, storing no link", async () => {
    const res = await call("POST", linksOf(internalSnapshot), {});
    expect(res.status).toBe(422);
    expect((await json(res)).error.code).toBe("SHARE_INTERNAL_REFUSED");
    expect(h.store.shareLinks.listSnapshot(boardId, internalSnapshot)).toEqual([]);
  });

  it.each([
    [{ expiresInDays: 0 }, "body.expiresInDays: must be a whole number of days, 1 to 90"],
    [{ expiresInDays: 91 }, "body.expiresInDays: must be a whole number of days, 1 to 90"],
    [{ expiresInDays: "7" }, "body.expiresInDays: must be a whole number of days, 1 to 90"],
    [{ label: "x".repeat(121) }, "body.label: must be at most 120 characters"],
  ])("refuses %j with 400 naming the field", async (body, message) => {
    const res = await call("POST", linksOf(partnerSnapshot), body);
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: { code: "INVALID_PAYLOAD", message } });
  });

  it("When another board's member asks, then the snapshot and its links are as absent as unknown ones (404), and a revoke there changes nothing", async () => {
    const link = await json(await call("POST", linksOf(partnerSnapshot), {}));
    const other = "5e93ba98614ac22d22f085c4";

    expect((await call("GET", linksOf(partnerSnapshot), undefined, other)).status).toBe(404);
    expect((await call("POST", linksOf(partnerSnapshot), {}, other)).status).toBe(404);
    expect((await call("DELETE", `${linksOf(partnerSnapshot)}/${link.id}`, undefined, other)).status).toBe(404);
    expect((await fetch(link.url)).status).toBe(200);
  });

  it("refuses the API without a member JWT (401)", async () => {
    const res = await fetch(`${h.baseUrl}/api/boards/${boardId}${linksOf(partnerSnapshot)}`);
    expect(res.status).toBe(401);
  });
});
