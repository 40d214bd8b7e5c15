import request from "supertest";
import { createTrelloSimulator, type TrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import { seedBoard } from "./support/test-sim";

let sim: TrelloSimulator;
let auth: { key: string; token: string };
beforeEach(() => {
  sim = createTrelloSimulator({ rateLimits: false });
  auth = { key: sim.key, token: sim.token };
});
afterEach(() => sim.close());

describe("authentication", () => {
  it("refuses a missing or wrong key with Trello's plain-text 401 'invalid key'", async () => {
    const board = seedBoard(sim).board;
    for (const query of [{ token: sim.token }, { key: "0".repeat(32), token: sim.token }]) {
      const res = await request(sim.app).get(`/1/boards/${board.id}`).query(query).expect(401);
      expect(res.type).toBe("text/plain");
      expect(res.text).toBe("invalid key");
    }
  });

  it("refuses a missing or unknown token with 401 'invalid token'", async () => {
    for (const query of [{ key: sim.key }, { key: sim.key, token: "f".repeat(64) }]) {
      const res = await request(sim.app).get("/1/members/me").query(query).expect(401);
      expect(res.text).toBe("invalid token");
    }
  });

  it("accepts key and token in an OAuth Authorization header", async () => {
    const res = await request(sim.app)
      .get("/1/members/me")
      .set("authorization", `OAuth oauth_consumer_key="${sim.key}", oauth_token="${sim.token}"`)
      .expect(200);
    expect(res.body.id).toBe(sim.memberId);
  });

  it("refuses a board to a member who is not on it with 401 'unauthorized permission requested'", async () => {
    const board = seedBoard(sim).board;
    const outsider = sim.createMember({ fullName: "Out Sider" });
    const res = await request(sim.app)
      .get(`/1/boards/${board.id}`)
      .query({ key: sim.key, token: outsider.token })
      .expect(401);
    expect(res.text).toBe("unauthorized permission requested");
  });
});

describe("CORS", () => {
  it("answers a browser preflight and exposes the rate-limit headers, as Trello does", async () => {
    const preflight = await request(sim.app)
      .options("/1/members/me")
      .set("origin", "https://powerup.example")
      .expect(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers["access-control-allow-headers"]).toBe("Authorization, Accept, Content-Type");
    const refused = await request(sim.app).get("/1/members/me").expect(401);
    expect(refused.headers["access-control-expose-headers"]).toContain("x-rate-limit-api-token-remaining");
  });
});

describe("lookups", () => {
  it("answers an unknown well-formed id with 404 'The requested resource was not found.'", async () => {
    const res = await request(sim.app)
      .get(`/1/cards/${"a".repeat(24)}`)
      .query(auth)
      .expect(404);
    expect(res.text).toBe("The requested resource was not found.");
  });

  it("answers a malformed id with 400 'invalid id'", async () => {
    const res = await request(sim.app).get("/1/boards/not-an-id").query(auth).expect(400);
    expect(res.text).toBe("invalid id");
  });

  it("finds boards and cards by short link as well as by id", async () => {
    const { board, todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Kick-off" });
    await request(sim.app).get(`/1/boards/${board.shortLink}`).query(auth).expect(200);
    const res = await request(sim.app).get(`/1/cards/${card.shortLink}`).query(auth).expect(200);
    expect(res.body.id).toBe(card.id);
  });

  it("returns only the requested fields, plus id", async () => {
    const { board } = seedBoard(sim, "Partner rollout");
    const res = await request(sim.app)
      .get(`/1/boards/${board.id}`)
      .query({ ...auth, fields: "name,shortUrl" })
      .expect(200);
    expect(res.body).toEqual({
      id: board.id,
      name: "Partner rollout",
      shortUrl: `https://trello.com/b/${board.shortLink}`,
    });
  });

  it("answers /1/members/me and /1/tokens/{token} for the token's member", async () => {
    const me = await request(sim.app).get("/1/members/me").query(auth).expect(200);
    expect(me.body).toMatchObject({ id: sim.memberId, username: "simmember", fullName: "Sim Member" });
    const token = await request(sim.app)
      .get(`/1/tokens/${sim.token}`)
      .query({ ...auth, fields: "idMember,dateExpires" })
      .expect(200);
    expect(token.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      idMember: sim.memberId,
      dateExpires: null,
    });
    const member = await request(sim.app)
      .get(`/1/tokens/${sim.token}/member`)
      .query({ ...auth, fields: "username" })
      .expect(200);
    expect(member.body).toEqual({ id: sim.memberId, username: "simmember" });
  });
});

describe("writes over REST", () => {
  it("creates a board with Trello's default lists and labels", async () => {
    const res = await request(sim.app)
      .post("/1/boards")
      .query({ ...auth, name: "New client" })
      .expect(200);
    const lists = await request(sim.app).get(`/1/boards/${res.body.id}/lists`).query(auth).expect(200);
    expect(lists.body.map((list: { name: string }) => list.name)).toEqual(["To Do", "Doing", "Done"]);
    const labels = await request(sim.app).get(`/1/boards/${res.body.id}/labels`).query(auth).expect(200);
    expect(labels.body.map((label: { color: string }) => label.color)).toEqual([
      "green",
      "yellow",
      "orange",
      "red",
      "purple",
      "blue",
    ]);
  });

  it("creates, renames, moves, archives and deletes a card, and each step shows in the card and board", async () => {
    const { board, todo, done } = seedBoard(sim);
    const created = await request(sim.app)
      .post("/1/cards")
      .query(auth)
      .send({ idList: todo.id, name: "Draft SLA", due: "2025-03-01T12:00:00.000Z" })
      .expect(200);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      name: "Draft SLA",
      idList: todo.id,
      idBoard: board.id,
      due: "2025-03-01T12:00:00.000Z",
      closed: false,
      idShort: 1,
    });
    await request(sim.app)
      .put(`/1/cards/${id}`)
      .query({ ...auth, name: "Sign SLA", idList: done.id })
      .expect(200);
    const moved = await request(sim.app).get(`/1/cards/${id}`).query(auth).expect(200);
    expect(moved.body).toMatchObject({ name: "Sign SLA", idList: done.id });
    await request(sim.app)
      .put(`/1/cards/${id}`)
      .query({ ...auth, closed: "true" })
      .expect(200);
    const open = await request(sim.app).get(`/1/boards/${board.id}/cards`).query(auth).expect(200);
    expect(open.body).toEqual([]);
    const all = await request(sim.app)
      .get(`/1/boards/${board.id}/cards`)
      .query({ ...auth, filter: "all" })
      .expect(200);
    expect(all.body.map((card: { id: string }) => card.id)).toEqual([id]);
    const deleted = await request(sim.app).delete(`/1/cards/${id}`).query(auth).expect(200);
    expect(deleted.body).toEqual({ limits: {} });
    await request(sim.app).get(`/1/cards/${id}`).query(auth).expect(404);
  });

  it("moves a card to another board into that board's first open list", async () => {
    const a = seedBoard(sim, "A");
    const b = seedBoard(sim, "B");
    const card = sim.createCard(a.todo.id, { name: "Travel" });
    const res = await request(sim.app)
      .put(`/1/cards/${card.id}`)
      .query({ ...auth, idBoard: b.board.id })
      .expect(200);
    expect(res.body).toMatchObject({ idBoard: b.board.id, idList: b.todo.id });
    expect(sim.boardActions(a.board.id)[0]!.type).toBe("moveCardFromBoard");
    expect(sim.boardActions(b.board.id)[0]!.type).toBe("moveCardToBoard");
  });

  it("lists a card in an archived list under filter=open but not under the default, visible", async () => {
    const { board, todo } = seedBoard(sim);
    sim.createCard(todo.id, { name: "Parked" });
    sim.updateList(todo.id, { closed: true });
    expect((await request(sim.app).get(`/1/boards/${board.id}/cards`).query(auth).expect(200)).body).toEqual([]);
    expect((await request(sim.app).get(`/1/boards/${board.id}/cards/open`).query(auth).expect(200)).body).toHaveLength(
      1,
    );
  });

  it("refuses to move a card to a board the member is not on", async () => {
    const { todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Stays" });
    const stranger = sim.createMember({ fullName: "Stranger" });
    const theirs = sim.createBoard({ name: "Theirs", lists: ["Inbox"], idMember: stranger.id });
    const res = await request(sim.app)
      .put(`/1/cards/${card.id}`)
      .query({ ...auth, idBoard: theirs.id })
      .expect(401);
    expect(res.text).toBe("unauthorized permission requested");
  });

  it("refuses a malformed idList with 400 'invalid value for idList'", async () => {
    const res = await request(sim.app)
      .post("/1/cards")
      .query({ ...auth, idList: "nope", name: "x" })
      .expect(400);
    expect(res.text).toBe("invalid value for idList");
  });

  it("refuses a bad value with 400 'invalid value for <param>' and changes nothing", async () => {
    const { board, todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Keep me" });
    const res = await request(sim.app)
      .put(`/1/cards/${card.id}`)
      .query({ ...auth, name: "Renamed", due: "not a date" })
      .expect(400);
    expect(res.text).toBe("invalid value for due");
    expect(sim.boardActions(board.id).filter((action) => action.type === "updateCard")).toEqual([]);
  });

  it("comments on a card and returns the commentCard action", async () => {
    const { todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Review" });
    const res = await request(sim.app)
      .post(`/1/cards/${card.id}/actions/comments`)
      .query({ ...auth, text: "Looks good ✅" })
      .expect(200);
    expect(res.body).toMatchObject({ type: "commentCard", data: { text: "Looks good ✅", card: { id: card.id } } });
    const fetched = await request(sim.app).get(`/1/cards/${card.id}`).query(auth).expect(200);
    expect(fetched.body.badges.comments).toBe(1);
  });

  it("adds and removes card members and labels", async () => {
    const { board, todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Invoice" });
    const label = (await request(sim.app).get(`/1/boards/${board.id}/labels`).query(auth)).body[0];
    const members = await request(sim.app)
      .post(`/1/cards/${card.id}/idMembers`)
      .query({ ...auth, value: sim.memberId })
      .expect(200);
    expect(members.body.map((member: { id: string }) => member.id)).toEqual([sim.memberId]);
    const labels = await request(sim.app)
      .post(`/1/cards/${card.id}/idLabels`)
      .query({ ...auth, value: label.id })
      .expect(200);
    expect(labels.body).toEqual([label.id]);
    await request(sim.app).delete(`/1/cards/${card.id}/idMembers/${sim.memberId}`).query(auth).expect(200);
    const after = await request(sim.app).get(`/1/cards/${card.id}`).query(auth).expect(200);
    expect(after.body).toMatchObject({
      idMembers: [],
      idLabels: [label.id],
      labels: [{ id: label.id, color: "green" }],
    });
  });

  it("creates and renames lists", async () => {
    const { board } = seedBoard(sim);
    const created = await request(sim.app)
      .post("/1/lists")
      .query({ ...auth, name: "Blocked", idBoard: board.id })
      .expect(200);
    const renamed = await request(sim.app)
      .put(`/1/lists/${created.body.id}`)
      .query({ ...auth, name: "Waiting on client" })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: "Waiting on client", idBoard: board.id, closed: false });
    expect(sim.boardActions(board.id)[0]).toMatchObject({ type: "updateList", data: { old: { name: "Blocked" } } });
  });
});

describe("checklists, custom fields and pluginData", () => {
  it("serves checklists, custom fields and their values as Trello does", async () => {
    const { board, todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Onboarding" });
    const checklist = sim.addChecklist(card.id, {
      name: "Initiation",
      items: ["Platform agreed", { name: "Scope acknowledged", checked: true }],
    });
    const field = sim.addCustomField(board.id, { name: "Budget", type: "number" });
    sim.setCustomFieldItem(card.id, field.id, 1200);
    const checklists = await request(sim.app).get(`/1/boards/${board.id}/checklists`).query(auth).expect(200);
    expect(checklists.body[0]).toMatchObject({
      id: checklist.id,
      checkItems: [{ state: "incomplete" }, { state: "complete" }],
    });
    const cards = await request(sim.app)
      .get(`/1/boards/${board.id}/cards`)
      .query({ ...auth, customFieldItems: "true" })
      .expect(200);
    expect(cards.body[0].customFieldItems).toEqual([
      {
        id: expect.any(String),
        value: { number: "1200" },
        idCustomField: field.id,
        idModel: card.id,
        modelType: "card",
      },
    ]);
    expect(cards.body[0].badges).toMatchObject({ checkItems: 2, checkItemsChecked: 1 });
  });

  it("serves pluginData written by the iframe, with value as a JSON string, and private data only to its member", async () => {
    const { board, todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Stakeholder: ACME" });
    sim.setPluginData({ scope: "card", idModel: card.id }, { kind: "client", cadence: "weekly" });
    sim.setPluginData({ scope: "card", idModel: card.id, visibility: "private" }, { note: "mine" });
    sim.setPluginData({ scope: "board", idModel: board.id }, { doneLists: ["Done"] });
    const other = sim.createMember({ fullName: "Teammate" });
    sim.addMemberToBoard(board.id, other.id);
    const mine = await request(sim.app).get(`/1/cards/${card.id}/pluginData`).query(auth).expect(200);
    expect(mine.body.map((record: { access: string }) => record.access).sort()).toEqual(["private", "shared"]);
    const theirs = await request(sim.app)
      .get(`/1/cards/${card.id}/pluginData`)
      .query({ key: sim.key, token: other.token })
      .expect(200);
    expect(theirs.body).toEqual([
      {
        id: expect.any(String),
        idPlugin: sim.pluginId,
        scope: "card",
        idModel: card.id,
        value: '{"kind":"client","cadence":"weekly"}',
        access: "shared",
      },
    ]);
    const listed = await request(sim.app)
      .get(`/1/boards/${board.id}/cards`)
      .query({ key: sim.key, token: other.token, pluginData: "true" })
      .expect(200);
    expect(listed.body[0].pluginData).toHaveLength(1);
    const boardData = await request(sim.app).get(`/1/boards/${board.id}/pluginData`).query(auth).expect(200);
    expect(JSON.parse(boardData.body[0].value)).toEqual({ doneLists: ["Done"] });
  });

  it("refuses pluginData over 4,096 characters, as t.set does", () => {
    const { todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Big" });
    expect(() => sim.setPluginData({ scope: "card", idModel: card.id }, { notes: "x".repeat(4096) })).toThrow(/4096/);
    expect(sim.getPluginData({ scope: "card", idModel: card.id })).toEqual({});
  });

  it("has no REST route that writes pluginData", async () => {
    const { todo } = seedBoard(sim);
    const card = sim.createCard(todo.id, { name: "Read only" });
    for (const method of ["post", "put"] as const) {
      const res = await request(sim.app)
        [method](`/1/cards/${card.id}/pluginData`)
        .query(auth)
        .send({ value: "{}" })
        .expect(404);
      expect(res.text).toBe(`Cannot ${method.toUpperCase()} /1/cards/${card.id}/pluginData`);
    }
  });
});
