import path from "node:path";
import { Writable } from "node:stream";
import request from "supertest";
import { unreachableTrello } from "../../support/unreachable-trello";
import { createApp } from "../../../server/app";
import { loadConfig } from "../../../server/config/load-config";
import { createLogger } from "../../../server/log/create-logger";
import { openDatabase } from "../../../server/store/open-database";
import { BoardStory } from "../../support/board-story";
import { trelloSign } from "../../support/sign";
import { makeTempDir } from "../../support/test-app";

describe("request logs", () => {
  it("carry a request id and never the signature, token or secret", async () => {
    const temp = makeTempDir();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config = loadConfig({
      TRELLO_API_KEY: "k",
      TRELLO_API_SECRET: "very-secret-value",
      TOKEN_ENCRYPTION_KEY: "ef".repeat(32),
      TRELLO_POWERUP_ID: "5f00000000000000000000aa",
      DATABASE_PATH: path.join(temp.dir, "loop.db"),
      LOG_LEVEL: "debug",
    });
    const db = openDatabase(config.databasePath);
    const app = createApp({ config, db, log: createLogger("debug", sink), trello: unreachableTrello() });
    const story = new BoardStory();
    const body = story.delivery(story.createList("2026-03-01T00:00:00Z", "Backlog") && story.actions[0]);
    const signature = trelloSign(body, config.webhookCallbackUrl, "very-secret-value");
    await request(app)
      .post("/webhooks/trello?token=member-token-123")
      .set("content-type", "application/json")
      .set("x-trello-webhook", signature)
      .set("authorization", "Bearer jwt-abc")
      .set("x-request-id", "req-42")
      .send(body)
      .expect(200);
    db.close();
    temp.remove();

    const log = lines.join("");
    expect(log).toContain('"req":{"id":"req-42"');
    expect(log).toContain("webhook action stored");
    for (const secret of [signature, "member-token-123", "jwt-abc", "very-secret-value"])
      expect(log).not.toContain(secret);
  });
});
