import { createTrelloTransport } from "../../../server/trello/create-trello-transport";
import { NetworkError, type HttpRequest, type HttpResponse } from "../../../server/trello/fetch-json";
import { TrelloApiError } from "../../../server/trello/trello-api-error";
import { FakeClock } from "../../support/fake-clock";

function scripted(responses: (HttpResponse | Error)[]) {
  const seen: HttpRequest[] = [];
  const send = async (request: HttpRequest) => {
    seen.push(request);
    const next = responses.shift();
    if (!next) throw new Error("no more scripted responses");
    if (next instanceof Error) throw next;
    return next;
  };
  return { seen, send };
}

const ok = (body: unknown): HttpResponse => ({ status: 200, headers: { "content-type": "application/json" }, body });
const status = (code: number, body: unknown = "error"): HttpResponse => ({ status: code, headers: {}, body });

describe("createTrelloTransport", () => {
  it("sends key and token as Trello's query parameters", async () => {
    const { seen, send } = scripted([ok({ id: "b1" })]);
    const transport = createTrelloTransport({
      apiBase: "http://trello.test",
      apiKey: "KEY",
      send,
      clock: new FakeClock(),
    });
    await expect(transport.request("TOK", "GET", "/boards/b1", { fields: "name" })).resolves.toEqual({ id: "b1" });
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe("/1/boards/b1");
    expect(Object.fromEntries(url.searchParams)).toEqual({ fields: "name", key: "KEY", token: "TOK" });
  });

  it("retries 5xx, 429 and network errors with growing delays until an answer comes", async () => {
    const clock = new FakeClock();
    const { seen, send } = scripted([
      status(502),
      new NetworkError("socket hang up"),
      status(429, { error: "API_TOKEN_LIMIT_EXCEEDED", message: "Rate limit exceeded" }),
      ok([1, 2, 3]),
    ]);
    const transport = createTrelloTransport({ apiBase: "http://trello.test", apiKey: "K", send, clock });
    await expect(transport.request("T", "GET", "/boards/b/actions")).resolves.toEqual([1, 2, 3]);
    expect(seen).toHaveLength(4);
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(3);
    expect(clock.sleeps[1]!).toBeGreaterThan(clock.sleeps[0]! / 2);
  });

  it("sits out a whole window after a 429, so the retry is not refused again", async () => {
    const clock = new FakeClock();
    const { send } = scripted([status(429, { error: "API_TOKEN_LIMIT_EXCEEDED" }), ok("fine")]);
    const transport = createTrelloTransport({
      apiBase: "http://t",
      apiKey: "K",
      send,
      clock,
      limits: { perKey: 300, perToken: 100, intervalMs: 10_000 },
    });
    const began = clock.now();
    await expect(transport.request("T", "GET", "/boards/b")).resolves.toBe("fine");
    expect(clock.now() - began).toBeGreaterThanOrEqual(10_000);
  });

  it("waits as long as Retry-After says when Trello sends it", async () => {
    const clock = new FakeClock();
    const limited: HttpResponse = {
      status: 429,
      headers: { "retry-after": "2" },
      body: { error: "API_TOKEN_LIMIT_EXCEEDED" },
    };
    const { send } = scripted([limited, ok("fine")]);
    const transport = createTrelloTransport({ apiBase: "http://t", apiKey: "K", send, clock });
    const began = clock.now();
    await transport.request("T", "GET", "/boards/b");
    expect(clock.now() - began).toBe(2_000);
  });

  it("does not repeat a POST that got no answer or a 5xx, since it may have been done", async () => {
    for (const failure of [new NetworkError("reset"), status(502)]) {
      const { seen, send } = scripted([failure, ok({ id: "w" })]);
      const transport = createTrelloTransport({ apiBase: "http://t", apiKey: "K", send, clock: new FakeClock() });
      await expect(transport.request("T", "POST", "/webhooks", {}, { idModel: "b" })).rejects.toThrow();
      expect(seen).toHaveLength(1);
    }
  });

  it("gives up after its attempts and says what Trello answered", async () => {
    const { send } = scripted([status(503), status(503), status(503)]);
    const transport = createTrelloTransport({
      apiBase: "http://t",
      apiKey: "K",
      send,
      clock: new FakeClock(),
      maxAttempts: 3,
    });
    await expect(transport.request("T", "GET", "/boards/b")).rejects.toThrow(TrelloApiError);
  });

  it("does not retry a refusal such as 401 or 404, and never shows the token in the error", async () => {
    const { seen, send } = scripted([status(401, "invalid token")]);
    const transport = createTrelloTransport({ apiBase: "http://t", apiKey: "K", send, clock: new FakeClock() });
    const error = await transport
      .request("SECRET-TOKEN", "GET", "/tokens/SECRET-TOKEN/webhooks")
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TrelloApiError);
    expect((error as TrelloApiError).status).toBe(401);
    expect((error as Error).message).not.toContain("SECRET-TOKEN");
    expect(seen).toHaveLength(1);
  });

  it("paces a burst to the per-token limit instead of bouncing off Trello's", async () => {
    const clock = new FakeClock();
    const send = async () => ok({});
    const transport = createTrelloTransport({
      apiBase: "http://t",
      apiKey: "K",
      send,
      clock,
      limits: { perKey: 300, perToken: 100, intervalMs: 10_000 },
    });
    const began = clock.now();
    for (let i = 0; i < 250; i += 1) await transport.request("T", "GET", "/boards/b");
    expect(clock.now() - began).toBe(20_000);
  });
});
