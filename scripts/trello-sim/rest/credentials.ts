import type { Request } from "express";

export interface Credentials {
  key?: string;
  token?: string;
}

/** OAuth header values are percent-encoded; a malformed one is taken as it is (and will not match). */
function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `Authorization: OAuth oauth_consumer_key="…", oauth_token="…"`, the header form Trello accepts for key and token. */
function fromAuthorizationHeader(header: string | undefined): Credentials {
  if (!header || !/^OAuth\s/i.test(header)) return {};
  const found: Record<string, string> = {};
  for (const match of header.matchAll(/(\w+)="([^"]*)"/g)) found[match[1]!] = percentDecoded(match[2]!);
  return { key: found.oauth_consumer_key, token: found.oauth_token };
}

function stringParam(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first !== "" ? first : undefined;
}

/** The key and token of a request, from the query string, the body or the OAuth header (in that order). */
export function readCredentials(req: Request): Credentials {
  const query = req.query as Record<string, unknown>;
  const body = req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {};
  const header = fromAuthorizationHeader(req.get("authorization"));
  return {
    key: stringParam(query.key) ?? stringParam(body.key) ?? header.key,
    token: stringParam(query.token) ?? stringParam(body.token) ?? header.token,
  };
}
