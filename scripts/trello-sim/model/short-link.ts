import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** An 8-character short link like the ones in Trello's board and card URLs. */
export function randomShortLink(): string {
  let link = "";
  for (let i = 0; i < 8; i++) link += ALPHABET[randomInt(ALPHABET.length)];
  return link;
}

/** The readable tail of a Trello URL, as Trello writes it: "Test Trello::Card.create 3" -> "test-trellocardcreate-3". */
export function urlSlug(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/[\s-]+/g, "-");
  // Trello keeps non-ASCII letters and percent-encodes them ("Pendências" -> "pend%C3%AAncias").
  return encodeURIComponent(words);
}
