import request from "supertest";
import { importSPKI, jwtVerify } from "jose";
import { createTrelloSimulator, type TrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";

let sim: TrelloSimulator;
let auth: { key: string; token: string };
beforeEach(() => {
  sim = createTrelloSimulator({ rateLimits: false });
  auth = { key: sim.key, token: sim.token };
});
afterEach(() => sim.close());

const admin = () => request(sim.app);

describe("/_sim/ admin API", () => {
  it("tells another process the key, secret, token, member and Power-Up id", async () => {
    const res = await admin().get("/_sim/info").expect(200);
    expect(res.body).toEqual({
      baseUrl: "",
      key: sim.key,
      secret: sim.secret,
      token: sim.token,
      memberId: sim.memberId,
      pluginId: sim.pluginId,
    });
  });

  it("seeds a board with back-dated lists, cards, moves and comments that REST then serves", async () => {
    const board = (
      await admin()
        .post("/_sim/boards")
        .send({ name: "Seeded", lists: ["To Do", "Done"], at: "2024-03-01T09:00:00Z" })
        .expect(201)
    ).body;
    const [todo, done] = board.lists;
    const card = (
      await admin()
        .post("/_sim/cards")
        .send({ idList: todo.id, name: "Old work", at: "2024-03-02T10:00:00Z" })
        .expect(201)
    ).body;
    await admin().put(`/_sim/cards/${card.id}`).send({ idList: done.id, at: "2024-03-05T16:30:00Z" }).expect(200);
    await admin()
      .post(`/_sim/cards/${card.id}/comments`)
      .send({ text: "Shipped", at: "2024-03-05T16:31:00Z" })
      .expect(201);
    const actions = (await request(sim.app).get(`/1/boards/${board.id}/actions`).query(auth).expect(200)).body;
    expect(actions.map((action: { type: string; date: string }) => [action.type, action.date])).toEqual([
      ["commentCard", "2024-03-05T16:31:00.000Z"],
      ["updateCard", "2024-03-05T16:30:00.000Z"],
      ["createCard", "2024-03-02T10:00:00.000Z"],
      ["createList", "2024-03-01T09:00:00.000Z"],
      ["createList", "2024-03-01T09:00:00.000Z"],
      ["createBoard", "2024-03-01T09:00:00.000Z"],
    ]);
    expect(parseInt(card.id.slice(0, 8), 16)).toBe(Date.parse("2024-03-02T10:00:00Z") / 1000);
  });

  it("writes pluginData as t.set does, readable with t.get and over REST", async () => {
    const board = sim.createBoard({ name: "Plugin data" });
    await admin()
      .put("/_sim/plugin-data")
      .send({ scope: "board", idModel: board.id, data: { timezone: "Europe/Lisbon" } })
      .expect(200);
    const got = await admin().get("/_sim/plugin-data").query({ scope: "board", idModel: board.id }).expect(200);
    expect(got.body).toEqual({ timezone: "Europe/Lisbon" });
    const served = await request(sim.app).get(`/1/boards/${board.id}/pluginData`).query(auth).expect(200);
    expect(JSON.parse(served.body[0].value)).toEqual({ timezone: "Europe/Lisbon" });
  });

  it("removes the keys listed in `remove`, as t.remove does, keeping the others", async () => {
    const board = sim.createBoard({ name: "Plugin data removal" });
    const target = { scope: "board", idModel: board.id };
    await admin()
      .put("/_sim/plugin-data")
      .send({ ...target, data: { settings: { v: 1 }, documents: { v: 1 } } })
      .expect(200);
    await admin()
      .put("/_sim/plugin-data")
      .send({ ...target, data: {}, remove: ["settings"] })
      .expect(200);
    const got = await admin().get("/_sim/plugin-data").query(target).expect(200);
    expect(got.body).toEqual({ documents: { v: 1 } });
    const served = await request(sim.app).get(`/1/boards/${board.id}/pluginData`).query(auth).expect(200);
    expect(JSON.parse(served.body[0].value)).toEqual({ documents: { v: 1 } });
  });

  it("refuses pluginData over the size limit with 400 in the project's error shape", async () => {
    const board = sim.createBoard({ name: "Too much" });
    const res = await admin()
      .put("/_sim/plugin-data")
      .send({ scope: "board", idModel: board.id, data: { notes: "x".repeat(5000) } })
      .expect(400);
    expect(res.body.error.code).toBe("INVALID");
  });

  it("mints a member JWT that verifies against the served public keys", async () => {
    const board = sim.createBoard({ name: "JWT" });
    const { jwt } = (await admin().post("/_sim/jwt").send({ idBoard: board.id, state: "s" }).expect(201)).body;
    const { keys } = (await request(sim.app).get("/1/resource/jwt-public-keys").expect(200)).body;
    const { payload } = await jwtVerify(jwt, await importSPKI(keys[0], "RS256"), { issuer: "trello" });
    expect(payload).toMatchObject({ idBoard: board.id, idMember: sim.memberId, state: "s" });
  });

  it("creates members with tokens that the REST API accepts", async () => {
    const member = (await admin().post("/_sim/members").send({ fullName: "Client Contact" }).expect(201)).body;
    const me = await request(sim.app).get("/1/members/me").query({ key: sim.key, token: member.token }).expect(200);
    expect(me.body).toMatchObject({ id: member.id, fullName: "Client Contact", initials: "CC" });
  });

  it("sets and clears faults and rate limits", async () => {
    await admin().put("/_sim/faults").send({ nextErrors: 1 }).expect(200);
    await request(sim.app).get("/1/members/me").query(auth).expect(500);
    await admin().put("/_sim/rate-limits").send({ enabled: true, tokenMax: 1 }).expect(200);
    await request(sim.app).get("/1/members/me").query(auth).expect(200);
    await request(sim.app).get("/1/members/me").query(auth).expect(429);
    await admin().put("/_sim/faults").send({ errorRate: 2 }).expect(400);
  });

  it("answers an unknown id or a bad body with a coded JSON error", async () => {
    expect(
      (
        await admin()
          .post("/_sim/cards")
          .send({ idList: "a".repeat(24), name: "x" })
          .expect(400)
      ).body.error,
    ).toEqual({ code: "INVALID", message: "invalid value for idList" });
    expect((await admin().post("/_sim/boards").send({}).expect(400)).body.error.code).toBe("INVALID");
    expect(
      (
        await admin()
          .delete(`/_sim/cards/${"b".repeat(24)}`)
          .expect(404)
      ).body.error.code,
    ).toBe("NOT_FOUND");
  });
});
