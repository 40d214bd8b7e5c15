import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createEmailSender } from "../../../../server/delivery/channels/create-email-sender";
import { readStoredMessage } from "../../../../server/delivery/stored-message";
import { reportSendKey } from "../../../../server/reports/send/send-monthly-report";
import { createTokenCipher } from "../../../../server/auth/token-cipher";
import { startServiceWithSim, TEST_TOKEN_KEY, type ServiceWithSim } from "../../../support/service-with-sim";

const json = (res: Response): Promise<any> => res.json();

let h: ServiceWithSim;
let boardId: string;
const cards: Record<string, string> = {};
let northwind: string;
let smtp: SMTPServer;
let smtpPort: number;
const received: ParsedMail[] = [];

const INTERNAL_VALUES = [
  "Pushes back on every API change",
  "Keep Nora close",
  "opponent",
  "sceptic",
  "Buy-in",
  "Influence",
  "escalat",
  "ifficult",
];

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${h.baseUrl}/api/boards/${boardId}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  h = await startServiceWithSim();
  const board = h.sim.createBoard({
    name: "Northwind rollout",
    lists: ["Stakeholders", "Done"],
    at: "2026-03-01T09:00:00Z",
  });
  boardId = board.id as string;
  const list = (board.lists as { id: string }[])[0]!.id;
  const person = (name: string, type: string, org: string, more: Record<string, unknown>) => {
    const id = h.sim.createCard(list, { name, at: "2026-03-01T10:00:00Z" }).id as string;
    cards[name] = id;
    h.sim.setPluginData(
      { scope: "card", idModel: id },
      {
        stakeholder: {
          v: 1,
          name,
          type,
          org,
          influence: "high",
          interest: "high",
          channel: "email",
          cadenceDays: 14,
          buyIn: "sceptic",
          status: "active",
          initiation: { platform: true, roles: true, reviews: true, scope: true },
          ...more,
        },
      },
    );
  };
  person("Nora Lind", "partner", "Northwind", {
    contact: "nora@northwind.example",
    buyIn: "opponent",
    status: "difficult",
    difficultReason: "Pushes back on every API change",
  });
  person("Nils Berg", "partner", "Northwind", { channel: "slack" });
  person("Nadia Holm", "partner", "Northwind", { channel: "phone", contact: "+46 8 123" });
  person("Noel Gone", "partner", "Northwind", {
    contact: "noel@northwind.example",
    status: "released",
    release: { on: "2026-03-02", reason: "Left" },
  });
  person("Ned Nomail", "partner", "Northwind", { contact: "not an address" });
  person("Nils Quiet", "partner", "Northwind", { channel: "teams" });
  person("Dana Ruiz", "client", "ACME", { contact: "dana@acme.example" });
  expect((await h.connect(boardId)).status).toBe(202);
  await h.settle();
  // Nils's Slack webhook, sealed as the service stores it (a loopback address: nothing leaves the machine).
  const cipher = createTokenCipher(Buffer.from(TEST_TOKEN_KEY, "hex"));
  h.store.chatWebhooks.save(
    boardId,
    cards["Nils Berg"]!,
    cipher.encrypt("http://127.0.0.1:9/slack"),
    h.simInfo.memberId,
    new Date(),
  );
  const month = new Date().toISOString().slice(0, 7);
  await call("POST", "/reports", { month, audience: "internal", pmNote: "Keep Nora close" });
  northwind = (await json(await call("POST", "/reports", { month, audience: "partner", party: "Northwind" }))).id;
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("Send the monthly report to a party's stakeholders", () => {
  let first: any[];

  it("When a PM sends Northwind's report, then each Northwind stakeholder the service can reach gets it on their channel, and the rest are listed with why not", async () => {
    const res = await call("POST", `/reports/${northwind}/send`);
    expect(res.status).toBe(200);
    first = (await json(res)).results;
    expect(first.map((r: any) => [r.name, r.channel, r.outcome])).toEqual([
      ["Nadia Holm", "phone", "skipped"],
      ["Ned Nomail", "email", "skipped"],
      ["Nils Berg", "slack", "queued"],
      ["Nils Quiet", "teams", "skipped"],
      ["Nora Lind", "email", "queued"],
    ]);
    expect(first[0].reason).toMatch(/channel is phone/);
    expect(first[1].reason).toMatch(/not an email address/);
    expect(first[3].reason).toMatch(/No chat webhook URL/);

    const nora = h.store.deliveries.getByKey(reportSendKey(northwind, cards["Nora Lind"]!))!;
    expect(nora).toMatchObject({
      kind: "report",
      audience: "partner",
      channel: "email",
      recipient: "nora@northwind.example",
      stakeholderCardId: cards["Nora Lind"],
    });
    const nils = h.store.deliveries.getByKey(reportSendKey(northwind, cards["Nils Berg"]!))!;
    expect(nils).toMatchObject({ channel: "slack", recipient: cards["Nils Berg"] });
    const chat = readStoredMessage(nils.messageJson);
    expect(chat.text).toContain("Full report: ");
    expect(chat.link).toMatch(/\/share\//);
    // Each recipient gets a link of their own, named for them.
    expect(
      h.store.shareLinks
        .listSnapshot(boardId, northwind)
        .map((l) => l.label)
        .sort(),
    ).toEqual(["Nils Berg", "Nora Lind"]);
  });

  it("When it is sent again (a double click), then nothing new is stored or linked: each stakeholder's first delivery is reported", async () => {
    const again = (await json(await call("POST", `/reports/${northwind}/send`))).results;
    expect(
      again.filter((r: any) => r.outcome !== "skipped").map((r: any) => [r.name, r.outcome, r.deliveryId]),
    ).toEqual(
      first.filter((r: any) => r.outcome !== "skipped").map((r: any) => [r.name, "already-sent", r.deliveryId]),
    );
    expect(h.store.shareLinks.listSnapshot(boardId, northwind)).toHaveLength(2);
  });

  it("When the stored email is delivered over SMTP, then it arrives with the partner's copy in HTML, the PDF attached and a share link that opens the report", async () => {
    const nora = h.store.deliveries.getByKey(reportSendKey(northwind, cards["Nora Lind"]!))!;
    const stored = readStoredMessage(nora.messageJson);
    const sender = createEmailSender({
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      from: "Stakeholder Loop <loop@example.test>",
      timeoutMs: 5000,
    });
    const outcome = await sender.send({
      deliveryId: nora.id,
      idempotencyKey: nora.idempotencyKey,
      audience: nora.audience,
      to: nora.recipient,
      subject: nora.subject,
      ...stored,
    });
    sender.close();
    expect(outcome).toEqual({ ok: true });

    const mail = received.at(-1)!;
    expect(mail.subject).toBe(
      `Monthly report: Northwind rollout, ${new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric" }).format(new Date())} (Northwind)`,
    );
    expect((mail.to as { text: string }).text).toBe("nora@northwind.example");
    const html = String(mail.html);
    expect(html).toContain("Hello Nora Lind");
    expect(html).toContain("Open the full report");
    // Mail clients drop style blocks, scripts and remote images: the body uses none.
    expect(html).not.toMatch(/<script|<style|<link|<img|class=/i);
    expect(mail.text).toContain(`Open the full report: ${stored.link}`);
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(pdf.filename).toMatch(/^monthly-report-\d{4}-\d{2}-partner-northwind-v1\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");

    const link = /href="([^"]+\/share\/[^"]+)"/.exec(html)![1]!;
    expect(link).toBe(stored.link);
    const view = await fetch(link);
    expect(view.status).toBe(200);
    const page = await view.text();
    expect(page).toContain("Partner report for Northwind");
    expect(page).not.toContain("Dana Ruiz");

    // Nothing internal anywhere a partner reads: mail headers, HTML, text, the shared page, the chat message.
    const chat = readStoredMessage(
      h.store.deliveries.getByKey(reportSendKey(northwind, cards["Nils Berg"]!))!.messageJson,
    ).text;
    const everything = [mail.subject, html, mail.text, page, chat].join("\n").toLowerCase();
    for (const value of INTERNAL_VALUES) expect(everything).not.toContain(value.toLowerCase());
  });

  it("refuses to send an internal report (422), sending nothing", async () => {
    const internal = h.store.reportSnapshots.listBoard(boardId).find((s) => s.audience === "internal")!;
    const res = await call("POST", `/reports/${internal.id}/send`);
    expect(res.status).toBe(422);
    expect((await json(res)).error.code).toBe("REPORT_NOT_FOR_PARTY");
  });
});
