import type { Request } from "express";
import { z } from "zod";
import { TrelloHttpError } from "./trello-http-error";

/** Trello reads parameters from the query string and the body alike (JSON or form); the body wins. */
export function trelloParams(req: Request): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(req.query as Record<string, unknown>)) {
    params[name] = Array.isArray(value) ? value[0] : value;
  }
  if (req.body && typeof req.body === "object" && !Buffer.isBuffer(req.body)) Object.assign(params, req.body);
  return params;
}

/** Validates parameters with zod; the first bad one is refused with Trello's `invalid value for <name>`. */
export function readParams<Schema extends z.ZodType>(req: Request, schema: Schema): z.infer<Schema> {
  const result = schema.safeParse(trelloParams(req));
  if (result.success) return result.data;
  const field = result.error.issues[0]?.path[0];
  throw new TrelloHttpError(400, `invalid value for ${typeof field === "string" ? field : "parameters"}`);
}

/** `true`/`false` as Trello takes them: real booleans in JSON bodies, strings in query strings and forms. */
export const booleanParam = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

/** A number given as a JSON number or a string. */
export const numberParam = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** A position: a number, "top" or "bottom". */
export const posParam = z.union([z.literal("top"), z.literal("bottom"), numberParam]);

/** A comma list (`idMembers=a,b`) or a JSON array. */
export const idListParam = z.union([
  z.array(z.string()),
  z.string().transform((value) =>
    value
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  ),
]);

/** A date, a null to clear it (`due=null` or empty), given as JSON or as a string. */
export const nullableDateParam = z.union([
  z.null(),
  z.literal("null").transform(() => null),
  z.literal("").transform(() => null),
  z.string(),
]);
