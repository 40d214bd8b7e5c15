import { z } from "zod";
import { fetchJson } from "../trello/fetch-json";

const keysSchema = z.object({ keys: z.array(z.string().min(1)).min(1) });

/** Trello's public keys for t.jwt tokens: GET /1/resource/jwt-public-keys, PEM strings (no key or token needed). */
export async function fetchTrelloJwtKeys(apiBase: string): Promise<string[]> {
  const response = await fetchJson({ method: "GET", url: `${apiBase}/1/resource/jwt-public-keys`, timeoutMs: 10_000 });
  const parsed = keysSchema.safeParse(response.body);
  if (response.status !== 200 || !parsed.success) {
    throw new Error(`Trello's JWT public keys could not be read (HTTP ${response.status})`);
  }
  return parsed.data.keys;
}
