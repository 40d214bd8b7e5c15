import request from "supertest";
import { createTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe("GET /healthz", () => {
  it("answers 200 with a small JSON body once the app is built", async () => {
    const res = await request(t.app).get("/healthz").expect(200).expect("content-type", /json/);
    expect(res.body).toEqual({ status: "ok", mode: "trello" });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 500 in the error shape when the database is gone", async () => {
    t.db.close();
    const res = await request(t.app).get("/healthz").expect(500);
    expect(res.body).toEqual({ error: { code: "INTERNAL", message: expect.any(String) } });
  });
});

describe("unknown routes", () => {
  it("answer 404 in the stable error shape", async () => {
    const res = await request(t.app).get("/nope").expect(404);
    expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: "No route for GET /nope" } });
  });
});
