import { startTestSim, type TestSim } from "./support/test-sim";

let t: TestSim;
afterEach(() => t.sim.close());

async function hit(token?: string) {
  const res = await t.api("/members/me", token ? { token } : {});
  return { status: res.status, headers: res.headers, body: res.status === 429 ? await res.json() : await res.text() };
}

describe("Trello's rate limits", () => {
  it("allows 100 requests per token in a window, then answers 429 API_TOKEN_LIMIT_EXCEEDED", async () => {
    t = await startTestSim();
    const results = [];
    for (let i = 0; i < 101; i++) results.push(await hit());
    expect(results.slice(0, 100).every((result) => result.status === 200)).toBe(true);
    const refused = results[100]!;
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: "API_TOKEN_LIMIT_EXCEEDED", message: "Rate limit exceeded" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("sends Trello's x-rate-limit-* headers on every response, counting down", async () => {
    t = await startTestSim();
    const first = await hit();
    const second = await hit();
    expect(Object.fromEntries([...first.headers].filter(([name]) => name.startsWith("x-rate-limit")))).toEqual({
      "x-rate-limit-api-key-interval-ms": "10000",
      "x-rate-limit-api-key-max": "300",
      "x-rate-limit-api-key-remaining": "299",
      "x-rate-limit-api-token-interval-ms": "10000",
      "x-rate-limit-api-token-max": "100",
      "x-rate-limit-api-token-remaining": "99",
    });
    expect(second.headers.get("x-rate-limit-api-token-remaining")).toBe("98");
  });

  it("allows 300 requests per key across tokens, then answers 429 API_KEY_LIMIT_EXCEEDED", async () => {
    t = await startTestSim({ rateLimits: { tokenMax: 1000 } });
    const tokens = [t.sim.token, t.sim.createMember().token, t.sim.createMember().token, t.sim.createMember().token];
    const statuses = [];
    for (let i = 0; i < 300; i++) statuses.push((await hit(tokens[i % 4])).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const refused = await hit(t.sim.createMember().token);
    expect([refused.status, refused.body]).toEqual([
      429,
      { error: "API_KEY_LIMIT_EXCEEDED", message: "Rate limit exceeded" },
    ]);
  });

  it("lets requests through again once the rolling window has passed", async () => {
    t = await startTestSim({ rateLimits: { intervalMs: 300, tokenMax: 5 } });
    for (let i = 0; i < 5; i++) expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const recovered = await hit();
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get("x-rate-limit-api-token-remaining")).toBe("4");
  });

  it("does not count refused requests against the window", async () => {
    t = await startTestSim({ rateLimits: { intervalMs: 400, tokenMax: 3 } });
    for (let i = 0; i < 3; i++) await hit();
    for (let i = 0; i < 10; i++) expect((await hit()).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 450));
    for (let i = 0; i < 3; i++) expect((await hit()).status).toBe(200);
  });

  it("refuses every request of a key for the rest of the window once it has drawn too many 429s", async () => {
    t = await startTestSim({ rateLimits: { intervalMs: 500, tokenMax: 2, keyPenaltyThreshold: 3 } });
    const other = t.sim.createMember().token;
    for (let i = 0; i < 2; i++) await hit();
    for (let i = 0; i < 4; i++) await hit();
    const blocked = await hit(other);
    expect([blocked.status, blocked.body]).toEqual([
      429,
      { error: "API_KEY_LIMIT_EXCEEDED", message: "Rate limit exceeded" },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 550));
    expect((await hit(other)).status).toBe(200);
  });

  it("can be switched off, after which nothing is refused and no limit headers are sent", async () => {
    t = await startTestSim({ rateLimits: false });
    for (let i = 0; i < 120; i++) expect((await hit()).status).toBe(200);
    expect((await hit()).headers.get("x-rate-limit-api-token-remaining")).toBeNull();
  });

  it("can be changed while running", async () => {
    t = await startTestSim();
    t.sim.setRateLimits({ tokenMax: 1 });
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
  });
});
