import ical, { type VEvent } from "node-ical";
import { readStoredMessage } from "../../../server/delivery/stored-message";
import { invitationKey } from "../../../server/calendar/send-review-invitations";
import { reviewUid } from "../../../server/calendar/render-review-calendar";
import { startServiceWithSim, type ServiceWithSim } from "../../support/service-with-sim";

const json = (res: Response): Promise<any> => res.json();

let h: ServiceWithSim;
let boardId: string;
let sprintCard: string;
const cards: Record<string, string> = {};

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await h.sim.mintJwt({ idBoard: boardId })}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${h.baseUrl}/api/boards/${boardId}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** What the Power-Up does after saving a record: the service reads the card's pluginData again. */
async function refresh(idCard?: string): Promise<void> {
  expect((await call("POST", "/plugin-data/refresh", idCard ? { idCard } : {})).status).toBe(200);
}

function sprint(end: string) {
  return { sprint: { v: 1, number: 3, start: "2026-12-01", end, goal: "Checkout works end to end", committed: [] } };
}

/** The one VEVENT of an iCalendar text, parsed back with node-ical. */
function eventsOf(ics: string): VEvent[] {
  return Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === "VEVENT");
}

function invitationOf(sequence: number, who: string) {
  const delivery = h.store.deliveries.getByKey(invitationKey(sprintCard, sequence, cards[who]!))!;
  const message = readStoredMessage(delivery.messageJson);
  return { delivery, message, ics: message.attachments[0]!.content.toString("utf8") };
}

beforeAll(async () => {
  h = await startServiceWithSim();
  const board = h.sim.createBoard({
    name: "Checkout rebuild",
    lists: ["Stakeholders", "Sprints"],
    at: "2026-11-01T09:00:00Z",
  });
  boardId = board.id as string;
  const [people, sprints] = (board.lists as { id: string }[]).map((l) => l.id) as [string, string];
  h.sim.setPluginData(
    { scope: "board", idModel: boardId },
    {
      settings: {
        v: 1,
        timezone: "Europe/Berlin",
        doneLists: [],
        sprintDays: 14,
        reportAudience: "client",
        reportOnMonthClose: true,
      },
    },
  );
  const person = (name: string, reviews: boolean, more: Record<string, unknown>) => {
    const id = h.sim.createCard(people, { name, at: "2026-11-02T10:00:00Z" }).id as string;
    cards[name] = id;
    h.sim.setPluginData(
      { scope: "card", idModel: id },
      {
        stakeholder: {
          v: 1,
          name,
          type: "client",
          org: "ACME",
          influence: "high",
          interest: "high",
          channel: "email",
          cadenceDays: 14,
          buyIn: "opponent",
          status: "difficult",
          difficultReason: "Rejects every estimate",
          initiation: { platform: true, roles: true, reviews, scope: true },
          ...more,
        },
      },
    );
  };
  person("Dana Ruiz", true, { contact: "dana@acme.example" });
  person("Otto Lang", true, { channel: "phone", contact: "+49 30 1234" });
  person("Carl Skip", false, { contact: "carl@acme.example" });
  sprintCard = h.sim.createCard(sprints, { name: "Sprint 3", at: "2026-11-20T10:00:00Z" }).id as string;
  h.sim.setPluginData({ scope: "card", idModel: sprintCard }, sprint("2026-12-14"));
  expect((await h.connect(boardId)).status).toBe(202);
  await h.settle();
});
afterAll(async () => {
  await h.close();
});

describe("sprint review invitations", () => {
  it("When a PM invites stakeholders to a sprint's review, then those invited to reviews with an email get a METHOD:REQUEST invitation in the board's zone", async () => {
    const res = await call("POST", `/sprints/${sprintCard}/review-invitations`);
    expect(res.status).toBe(200);
    const { results } = await json(res);
    expect(results.map((r: any) => [r.name, r.outcome])).toEqual([
      ["Dana Ruiz", "queued"],
      ["Otto Lang", "skipped"],
    ]);

    const { delivery, message, ics } = invitationOf(0, "Dana Ruiz");
    expect(delivery).toMatchObject({
      kind: "invitation",
      audience: "client",
      channel: "email",
      recipient: "dana@acme.example",
    });
    expect(message.attachments[0]!.contentType).toMatch(/^text\/calendar.*method=REQUEST/);
    expect(ics).toMatch(/^METHOD:REQUEST\r?$/m);
    const [event] = eventsOf(ics);
    expect(event!.uid).toBe(reviewUid(boardId, sprintCard));
    expect(String(event!.sequence)).toBe("0");
    expect(ics).toMatch(/^DTSTART;TZID=Europe\/Berlin:20261214T150000\r?$/m);
    // 15:00 in Berlin in December (CET, UTC+1).
    expect((event!.start as Date).toISOString()).toBe("2026-12-14T14:00:00.000Z");
    expect(String(event!.summary)).toBe("Sprint 3 review: Checkout rebuild");
    const everything = [delivery.subject, message.text, ics].join("\n").toLowerCase();
    for (const internal of ["opponent", "rejects every estimate", "difficult", "buy-in"])
      expect(everything).not.toContain(internal);
  });

  it("When invitations are sent again for an unmoved sprint, then nothing new is sent", async () => {
    const { results } = await json(await call("POST", `/sprints/${sprintCard}/review-invitations`));
    expect(results.find((r: any) => r.name === "Dana Ruiz").outcome).toBe("already-sent");
  });

  it("When the sprint moves, then those invited get the same event again by themselves, with the next SEQUENCE and the new time", async () => {
    h.sim.setPluginData({ scope: "card", idModel: sprintCard }, sprint("2026-12-16"));
    // What the Power-Up does after saving the plan; nobody presses "invite" again.
    await refresh(sprintCard);

    const { ics, delivery } = invitationOf(1, "Dana Ruiz");
    const [event] = eventsOf(ics);
    expect(event!.uid).toBe(reviewUid(boardId, sprintCard));
    expect(String(event!.sequence)).toBe("1");
    expect((event!.start as Date).toISOString()).toBe("2026-12-16T14:00:00.000Z");
    expect(delivery.subject).toContain("(moved)");
    // Pressing "invite" now sends nothing more.
    const { results } = await json(await call("POST", `/sprints/${sprintCard}/review-invitations`));
    expect(results.find((r: any) => r.name === "Dana Ruiz").outcome).toBe("already-sent");
  });

  it("When a card that is not a sprint is saved, then no invitation goes out", async () => {
    const before = h.store.deliveries.listBoard(boardId, 100).length;
    await refresh(cards["Carl Skip"]);
    expect(h.store.deliveries.listBoard(boardId, 100)).toHaveLength(before);
  });
});

describe("the board's subscribable calendar", () => {
  it("When a member makes a calendar URL, then it serves every review as text/calendar without an account, until revoked", async () => {
    const made = await call("POST", "/calendar-feeds");
    expect(made.status).toBe(201);
    const { url } = await json(made);
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics).toMatch(/^METHOD:PUBLISH\r?$/m);
    const events = eventsOf(ics);
    expect(events.map((e) => [e.uid, String(e.sequence), (e.start as Date).toISOString()])).toEqual([
      [reviewUid(boardId, sprintCard), "1", "2026-12-16T14:00:00.000Z"],
    ]);
    expect(ics.toLowerCase()).not.toMatch(/dana|opponent|difficult/);

    const listed = await json(await call("GET", "/calendar-feeds"));
    expect(listed.feeds).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(url.split("/").pop()!.replace(".ics", ""));

    expect(await json(await call("DELETE", "/calendar-feeds"))).toEqual({ revoked: 1 });
    expect((await fetch(url)).status).toBe(404);
  });
});
