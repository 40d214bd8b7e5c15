import { createHash } from "node:crypto";
import type { ReportModel } from "../model/report-model";

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/**
 * sha256 of the model's content: its JSON with keys sorted and without `generatedAt`, so two generations of the same
 * data hash alike (a PM can see that a regenerated version says nothing new) and any changed figure changes the hash.
 */
export function reportContentHash(model: ReportModel): string {
  const { generatedAt: _generatedAt, ...content } = model;
  return createHash("sha256")
    .update(JSON.stringify(sortedKeys(content)))
    .digest("hex");
}
