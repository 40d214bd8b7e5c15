import fetch, { FetchError } from "node-fetch";

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  body?: unknown;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, else the text. */
  body: unknown;
}

/** A request that never got an HTTP answer: refused, reset, dropped or timed out. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NetworkError";
  }
}

/** The one place the service's outgoing HTTP goes through (node-fetch), with a hard timeout. */
export async function fetchJson(request: HttpRequest): Promise<HttpResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers:
        request.body === undefined
          ? { accept: "application/json" }
          : { accept: "application/json", "content-type": "application/json" },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
    const text = await response.text();
    const isJson = (response.headers.get("content-type") ?? "").includes("json");
    let body: unknown = text;
    if (isJson && text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body };
  } catch (err) {
    if (err instanceof FetchError || (err instanceof Error && err.name === "AbortError")) {
      // Only the error code: node-fetch's message holds the whole URL, key and token included.
      const reason = err.name === "AbortError" ? "timed out" : ((err as FetchError).code ?? "network error");
      throw new NetworkError(`${request.method} request got no answer: ${reason}`);
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
