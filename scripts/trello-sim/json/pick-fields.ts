import { invalidValue } from "../operations/sim-error";

/**
 * Trello's `fields` parameter: absent gives the defaults, `all` everything, else a comma list (unknown names
 * are refused with 400 as Trello does). `id` is always kept.
 */
export function pickFields(
  full: Record<string, unknown>,
  fields: string | undefined,
  defaults: readonly string[],
): Record<string, unknown> {
  if (fields === "all") return full;
  const wanted =
    fields === undefined
      ? defaults
      : fields
          .split(",")
          .map((field) => field.trim())
          .filter(Boolean);
  for (const field of wanted) if (!(field in full)) throw invalidValue("fields");
  const picked: Record<string, unknown> = { id: full.id };
  for (const key of Object.keys(full)) if (wanted.includes(key)) picked[key] = full[key];
  return picked;
}
