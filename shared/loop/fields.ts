import * as z from "zod/mini";

/** Building blocks shared by the Loop record schemas, each with a message a PM can act on. */

/** A Trello object id (card, list, member): 24 hexadecimal characters. */
export const trelloId = z.string().check(z.regex(/^[0-9a-f]{24}$/, "Choose an item from the board"));

/** A calendar date, YYYY-MM-DD (dates are days in the board's time zone, not instants). */
export const calendarDate = z.iso.date({ error: "Enter a date as YYYY-MM-DD" });

/** An instant, ISO 8601 with offset. */
export const instant = z.iso.datetime({ offset: true, error: "Enter a date and time" });

/** Required text, trimmed, at most `max` characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required` })
    .check(
      z.trim(),
      z.minLength(1, `${label} is required`),
      z.maxLength(max, `${label} must be at most ${max} characters`),
    );
}

/** Optional text, trimmed, at most `max` characters; empty means absent. */
export function optionalText(label: string, max: number) {
  return z.optional(z.string().check(z.trim(), z.maxLength(max, `${label} must be at most ${max} characters`)));
}

/** One of a fixed set of values. */
export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `Choose a ${label}` });
}

/** A whole number in [min, max]. */
export function wholeNumber(label: string, min: number, max: number) {
  return z
    .int({ error: `${label} must be a whole number` })
    .check(z.minimum(min, `${label} must be at least ${min}`), z.maximum(max, `${label} must be at most ${max}`));
}

/** An amount of money or effort: finite, not negative. */
export function amount(label: string) {
  return z
    .number({ error: `${label} must be a number` })
    .check(z.minimum(0, `${label} cannot be negative`), z.maximum(1e12, `${label} is too large`));
}

/** A list of at most `max` distinct Trello ids. */
export function idList(label: string, max: number) {
  return z.array(trelloId).check(
    z.maxLength(max, `${label}: at most ${max}`),
    z.refine((ids) => new Set(ids).size === ids.length, `${label}: each item once`),
  );
}

/**
 * The client or partner organisation a record belongs to, spelled as on its stakeholders' Organisation. Optional:
 * records saved before parties existed have none (see partyOf in parties.ts).
 */
export const party = optionalText("Party", 80);

/** Every Loop record carries its schema version, so a page can tell old data from broken data. */
export const version1 = z.literal(1, { error: "Saved by another version of Stakeholder Loop" });
