import { createTrelloClient, type TrelloClient } from "../../server/trello/create-trello-client";

/** A Trello client for tests that must not talk to Trello: a closed port, one attempt. */
export function unreachableTrello(): TrelloClient {
  return createTrelloClient({ apiBase: "http://127.0.0.1:9", apiKey: "test-key", maxAttempts: 1, timeoutMs: 1_000 });
}
