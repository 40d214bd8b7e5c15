import { authorizationStatus, showAuthorization } from "./authorization";
import { boardButtons } from "./board-buttons";
import { cardBackSection } from "./card-back-section";
import { cardBadges } from "./card-badges";
import { cardButtons } from "./card-buttons";
import { cardDetailBadges } from "./card-detail-badges";
import { onEnable } from "./on-enable";
import { removeData } from "./remove-data";
import { showSettings } from "./show-settings";

/** Every capability the connector can register, by Trello's capability name (manifest.json says which are on). */
export const CAPABILITY_HANDLERS = {
  "authorization-status": authorizationStatus,
  "board-buttons": boardButtons,
  "card-back-section": cardBackSection,
  "card-badges": cardBadges,
  "card-buttons": cardButtons,
  "card-detail-badges": cardDetailBadges,
  "on-enable": onEnable,
  "remove-data": removeData,
  "show-authorization": showAuthorization,
  "show-settings": showSettings,
} as const;

export type CapabilityName = keyof typeof CAPABILITY_HANDLERS;

/** The handlers for the capabilities the manifest switches on; an unknown name is a build mistake, so it throws. */
export function handlersFor(names: readonly string[]): Record<string, (...args: never[]) => unknown> {
  const picked: Record<string, (...args: never[]) => unknown> = {};
  for (const name of names) {
    const handler = CAPABILITY_HANDLERS[name as CapabilityName];
    if (!handler) throw new Error(`manifest.json names capability "${name}", which the connector has no handler for`);
    picked[name] = handler;
  }
  return picked;
}
