import { stakeholderSchema, type Stakeholder } from "../../shared/loop/stakeholder";

/**
 * A stakeholder to repair from a stored record that fails its schema: every field of `raw` that is valid on its own
 * is kept over `base`, so the PM corrects the broken fields instead of retyping the whole record.
 */
export function salvageStakeholder(raw: unknown, base: Stakeholder): Stakeholder {
  if (typeof raw !== "object" || raw === null) return base;
  const fields = Object.keys(stakeholderSchema.def.shape).filter((key) => key !== "v");
  let result: Stakeholder = base;
  for (const [key, value] of Object.entries(raw)) {
    if (!fields.includes(key)) continue;
    const candidate = { ...result, [key]: value };
    const parsed = stakeholderSchema.safeParse(candidate);
    const brokeIt = !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === key);
    if (!brokeIt) result = candidate as Stakeholder;
  }
  return result;
}
