import type { z } from "zod";
import type { $ZodError } from "zod/v4/core";

/** The first problem zod found, as "where: what" (where = the field's path under `root`), for error messages. */
export function firstIssue(error: z.ZodError | $ZodError, root: string): string {
  const issue = error.issues[0];
  if (!issue) return `${root}: invalid`;
  const where = [root, ...issue.path.map(String)].join(".");
  return `${where}: ${issue.message}`;
}
