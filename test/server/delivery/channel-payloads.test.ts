import { CHAT_PAYLOAD_SCHEMAS } from "../../../scripts/outbox/chat-payload-schemas";
import { googleChatPayload } from "../../../server/delivery/channels/google-chat-payload";
import type { ChannelMessage } from "../../../server/delivery/channels/send-outcome";
import { slackPayload } from "../../../server/delivery/channels/slack-payload";
import { teamsPayload } from "../../../server/delivery/channels/teams-payload";
import { webhookUrlProblem } from "../../../server/delivery/is-allowed-webhook-url";

const message = (text: string): ChannelMessage => ({
  deliveryId: 7,
  idempotencyKey: "k",
  audience: "client",
  to: "https://x",
  subject: "Update <1>",
  text,
  attachments: [],
});

describe("chat payloads", () => {
  it("When a message is longer than a Slack section allows, then it is split into sections Slack accepts, with markup escaped", () => {
    const payload = slackPayload(message(`${"a".repeat(7000)}\n\n<b>&`)) as any;
    expect(CHAT_PAYLOAD_SCHEMAS.slack.safeParse(payload).success).toBe(true);
    const sections = payload.blocks.filter((b: any) => b.type === "section").map((b: any) => b.text.text);
    expect(sections.map((s: string) => s.length)).toEqual([3000, 3000, 1000, 14]);
    expect(sections.at(-1)).toBe("&lt;b&gt;&amp;");
  });

  it("When a message has no link, then no platform gets an empty button", () => {
    expect((slackPayload(message("hi")) as any).blocks.some((b: any) => b.type === "actions")).toBe(false);
    expect((teamsPayload(message("hi")) as any).attachments[0].content.actions).toBeUndefined();
    expect(JSON.stringify(googleChatPayload(message("hi")))).not.toContain("buttonList");
  });

  it("When text holds markup, then Google Chat gets it escaped, with line breaks kept", () => {
    const payload = googleChatPayload(message("a <i>b</i>\nc")) as any;
    expect(payload.cardsV2[0].card.sections[0].widgets[0].textParagraph.text).toBe("a &lt;i&gt;b&lt;/i&gt;<br>c");
    expect(CHAT_PAYLOAD_SCHEMAS["google-chat"].safeParse(payload).success).toBe(true);
  });
});

describe("webhookUrlProblem", () => {
  it.each([
    ["slack", "https://hooks.slack.com/services/T0/B0/x", false, undefined],
    ["teams", "https://acme.webhook.office.com/webhookb2/x", false, undefined],
    ["teams", "https://prod-12.westeurope.logic.azure.com:443/workflows/x", false, undefined],
    ["google-chat", "https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t", false, undefined],
    ["slack", "http://hooks.slack.com/services/x", false, "A webhook URL must start with https://"],
    [
      "slack",
      "https://hooks.slack.com.evil.example/x",
      false,
      expect.stringMatching(/^That is not a slack incoming-webhook URL/),
    ],
    ["teams", "https://user:pw@acme.webhook.office.com/x", false, "A webhook URL carries no user name or password"],
    ["slack", "http://127.0.0.1:4000/hooks/slack/x", false, "A webhook URL must start with https://"],
    ["slack", "http://127.0.0.1:4000/hooks/slack/x", true, undefined],
    ["google-chat", "not a url", false, "That is not a URL"],
  ] as const)("%s %s (local allowed: %s)", (channel, url, allowLocal, problem) => {
    expect(webhookUrlProblem(channel, url, allowLocal)).toEqual(problem);
  });
});
