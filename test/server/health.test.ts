import request from "supertest";
import { BoardStory } from "../support/board-story";
import { createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe("GET /healthz", () => {
  it("answers 200 with a small JSON body once the app is built", async () => {
    const res = await request(t.app).get("/healthz").expect(200).expect("content-type", /json/);
    expect(res.body).toEqual({
      status: "ok",
      mode: "trello",
      database: { state: "ok", schemaVersion: expect.any(Number), journalMode: "wal" },
      lastDeliveryAt: null,
    });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports when the last webhook delivery was stored", async () => {
    const story = new BoardStory();
    story.createList("2026-03-01T00:00:00Z", "Backlog");
    const before = new Date().toISOString();
    await t.deliver(story.delivery(story.actions[0]!)).expect(200);
    const res = await request(t.app).get("/healthz").expect(200);
    expect(res.body.lastDeliveryAt >= before).toBe(true);
    expect(res.body.lastDeliveryAt <= new Date().toISOString()).toBe(true);
  });

  it("answers 503 in the error shape, still naming the mode, when the database is gone", async () => {
    t.db.close();
    const res = await request(t.app).get("/healthz").expect(503);
    expect(res.body).toEqual({
      error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/^The database cannot be read/) },
      status: "unavailable",
      mode: "trello",
      database: { state: "unavailable" },
    });
  });
});

describe("unknown routes", () => {
  it("answer 404 in the stable error shape", async () => {
    const res = await request(t.app).get("/nope").expect(404);
    expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: "No route for GET /nope" } });
  });
});
