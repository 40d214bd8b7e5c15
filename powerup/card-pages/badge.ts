import { h } from "../lib/dom";
import type { BadgeColour } from "./labels";

/** A coloured badge (the shared `.badge` style). */
export function badge(text: string, colour: BadgeColour): HTMLElement {
  return h("span", { class: `badge badge-${colour}` }, text);
}
