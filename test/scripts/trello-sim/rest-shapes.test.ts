import request from "supertest";
import { createTrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import { fixtureJson, fixtureNames } from "../../support/trello-fixtures";
import { startCallbackReceiver } from "./support/callback-receiver";
import { closestMatch, shapeProblems } from "./support/json-shape";

const sim = createTrelloSimulator();
const auth = { key: sim.key, token: sim.token };
afterAll(() => sim.close());

// A board in the state of the recorded ones: a card with a due date, a label and a member; a checklist; custom fields.
const board = sim.createBoard({ name: "IT 1", desc: "This is a test board called IT 1", lists: ["L1"] });
const list = (board.lists as { id: string }[])[0]!;
const label = sim.createLabel(board.id, { name: "", color: "green" });
const card = sim.createCard(list.id, {
  name: "Test Trello::Card.create",
  due: "2020-12-22T01:59:00.000Z",
  idLabels: [label.id],
  idMembers: [sim.memberId],
});
// The recorded cards have no checklists, so the checklist goes on a second card.
sim.addChecklist(sim.createCard(list.id, { name: "Second" }).id, { name: "Checklist", items: ["A", "B"] });
const number = sim.addCustomField(board.id, { name: "Point", type: "number" });
const choice = sim.addCustomField(board.id, { name: "Field1", type: "list", options: ["F1 1st opt", "F1 2nd opt"] });
const fields = {
  text: sim.addCustomField(board.id, { name: "Note", type: "text" }),
  date: sim.addCustomField(board.id, { name: "Start", type: "date" }),
};
const checkbox = sim.addCustomField(board.id, { name: "Signed", type: "checkbox" });
sim.setCustomFieldItem(card.id, number.id, 1);
sim.setCustomFieldItem(card.id, choice.id, "F1 2nd opt");
sim.setCustomFieldItem(card.id, fields.text.id, "cool");
sim.setCustomFieldItem(card.id, fields.date.id, "2020-03-11T04:00:00.000Z");
sim.setCustomFieldItem(card.id, checkbox.id, true);
sim.setPluginData({ scope: "card", idModel: card.id }, { stars: 4, "stars-category": "test" });

async function get(path: string, query: Record<string, string> = {}) {
  return (
    await request(sim.app)
      .get(`/1${path}`)
      .query({ ...auth, ...query })
      .expect(200)
  ).body;
}

/** Board models as Trello sends them: REST's GET /1/boards/{id} and the `model` of every board webhook delivery. */
const realBoards = [
  fixtureJson("rest__GET_boards_id__ruby-trello.json"),
  ...fixtureNames("webhook__").map((name) => fixtureJson(name).model),
];

describe("REST responses against real Trello responses", () => {
  it("GET /1/boards/{id} has every field of the real response, each typed as some real board has it", async () => {
    const problems = shapeProblems(await get(`/boards/${board.id}`), {
      fixtures: realBoards,
      required: [fixtureJson("rest__GET_boards_id__ruby-trello.json")],
      // The recorded board has a photo background: the scaled-image list is null on a colour background.
      omitted: ["prefs.backgroundImageScaled"],
    });
    expect(problems).toEqual([]);
  });

  it("GET /1/boards/{id}?fields=all has the fields of a board in GET /1/members/{id}/boards", async () => {
    const real = fixtureJson<unknown[]>("rest__GET_members_username_boards__ruby-trello.json");
    const problems = shapeProblems(await get(`/boards/${board.id}`, { fields: "all" }), {
      fixtures: [...real, ...realBoards],
      required: real,
      omitted: ["prefs.backgroundImageScaled"],
    });
    expect(problems).toEqual([]);
  });

  it("GET /1/boards/{id}/lists matches a real list exactly", async () => {
    const real = [...fixtureJson<unknown[]>("rest__GET_boards_id_lists__ruby-trello.json")];
    const [first] = await get(`/boards/${board.id}/lists`);
    expect(closestMatch(first, real).problems).toEqual([]);
  });

  it("GET /1/boards/{id}/cards matches a real listed card exactly", async () => {
    const [first] = await get(`/boards/${board.id}/cards`);
    expect(closestMatch(first, fixtureJson<unknown[]>("rest__GET_boards_id_cards__ruby-trello.json")).problems).toEqual(
      [],
    );
  });

  it("GET /1/cards/{id} has every field of the real response but the attachment cover", async () => {
    const problems = shapeProblems(await get(`/cards/${card.id}`), {
      fixtures: [
        fixtureJson("rest__GET_cards_id__ruby-trello.json"),
        ...fixtureJson<unknown[]>("rest__GET_boards_id_cards__ruby-trello.json"),
      ],
      required: [fixtureJson("rest__GET_cards_id__ruby-trello.json")],
      // Attachments are not simulated, so covers are never images.
      omitted: ["cover.scaled", "cover.edgeColor"],
    });
    expect(problems).toEqual([]);
  });

  it.each([
    ["members", "rest__GET_boards_id_members__ruby-trello.json"],
    ["labels", "rest__GET_boards_id_labels__ruby-trello.json"],
    ["checklists", "rest__GET_boards_id_checklists__ruby-trello.json"],
  ])("GET /1/boards/{id}/%s matches a real one exactly", async (resource, fixture) => {
    const [first] = await get(`/boards/${board.id}/${resource}`);
    expect(closestMatch(first, fixtureJson<unknown[]>(fixture)).problems).toEqual([]);
  });

  it("GET /1/boards/{id}/customFields matches real number and list fields", async () => {
    const real = [
      ...fixtureJson<unknown[]>("rest__GET_boards_id_customFields__ruby-trello.json"),
      ...fixtureJson<unknown[]>("rest__GET_boards_id_customFields__adlio.json"),
    ];
    const served: { id: string }[] = await get(`/boards/${board.id}/customFields`);
    expect(
      closestMatch(
        served.find((field) => field.id === number.id),
        real,
      ).problems,
    ).toEqual([]);
    expect(
      shapeProblems(
        served.find((field) => field.id === choice.id),
        { fixtures: real, required: fixtureJson<unknown[]>("rest__GET_boards_id_customFields__adlio.json") },
      ),
    ).toEqual([]);
  });

  it("GET /1/cards/{id}/customFieldItems matches a real item of each kind exactly", async () => {
    const real = fixtureJson<unknown[]>("rest__GET_cards_id_customFieldItems__ruby-trello.json");
    const served: unknown[] = await get(`/cards/${card.id}/customFieldItems`);
    expect(served).toHaveLength(5);
    for (const item of served) expect(closestMatch(item, real).problems).toEqual([]);
  });

  it("GET /1/cards/{id}/pluginData matches the real record exactly, value a JSON string", async () => {
    const [record] = await get(`/cards/${card.id}/pluginData`);
    expect(
      closestMatch(record, fixtureJson<unknown[]>("rest__GET_cards_id_pluginData__ruby-trello.json")).problems,
    ).toEqual([]);
    expect(record.value).toBe('{"stars":4,"stars-category":"test"}');
  });

  it("POST /1/webhooks answers with exactly the fields of a real creation", async () => {
    const receiver = await startCallbackReceiver();
    try {
      await sim.listen(0);
      const res = await request(sim.app)
        .post("/1/webhooks")
        .query({ ...auth, callbackURL: receiver.url, idModel: board.id, description: "test" })
        .expect(200);
      expect(closestMatch(res.body, [fixtureJson("rest__POST_webhooks__ruby-trello.json")]).problems).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
