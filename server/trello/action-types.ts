/** Action types that bring a card into a board (DESIGN.md's definition of "cards created"). */
export const CARD_CREATION_TYPES = [
  "createCard",
  "copyCard",
  "convertToCardFromCheckItem",
  "moveCardToBoard",
  "emailCard",
] as const;

const creationTypes: ReadonlySet<string> = new Set(CARD_CREATION_TYPES);

/** True for the action types that bring a card into a board. */
export function isCardCreationType(type: string): boolean {
  return creationTypes.has(type);
}
