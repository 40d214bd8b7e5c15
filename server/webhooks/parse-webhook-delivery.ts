import { firstIssue } from "../../shared/first-issue";
import { AppError, ErrorCode } from "../http/app-error";
import { webhookDeliverySchema, type WebhookDelivery } from "../trello/trello-action-schema";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface ParsedDelivery {
  delivery: WebhookDelivery;
  /** The action's own JSON, in the key order Trello sent, for the actions table. */
  actionJson: string;
}

/** Decodes a verified body as UTF-8 JSON and validates it as a Trello webhook delivery (400 with the field named if not). */
export function parseWebhookDelivery(body: Buffer): ParsedDelivery {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(body));
  } catch {
    throw new AppError(400, ErrorCode.InvalidJson, "The delivery body is not UTF-8 JSON");
  }
  const result = webhookDeliverySchema.safeParse(json);
  if (!result.success) {
    throw new AppError(
      400,
      ErrorCode.InvalidPayload,
      `Not a Trello action delivery: ${firstIssue(result.error, "body")}`,
    );
  }
  return { delivery: result.data, actionJson: JSON.stringify((json as { action: unknown }).action) };
}
