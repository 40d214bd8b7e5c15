import type { Request } from "express";
import { z } from "zod";
import { REST_ACTION_OPTIONS, type ActionJsonOptions } from "../json/action-json";
import { firstIdAt, isObjectId } from "../model/object-id";
import { parseActionFilter, type ActionQuery } from "../model/query-actions";
import { booleanParam, numberParam, readParams } from "./read-params";
import { TrelloHttpError } from "./trello-http-error";

/** Trello pages actions 50 at a time by default and at most 1,000 (a larger limit is a 400). */
export const ACTIONS_DEFAULT_LIMIT = 50;
export const ACTIONS_MAX_LIMIT = 1000;

const actionParams = z.object({
  filter: z.string().optional(),
  limit: numberParam.pipe(z.number().int().min(0).max(ACTIONS_MAX_LIMIT)).optional(),
  before: z.string().optional(),
  since: z.string().optional(),
  display: booleanParam.optional(),
  memberCreator: booleanParam.optional(),
  member: booleanParam.optional(),
});

/** `before`/`since` take an action id or a date; a date bound is turned into the first id at that instant. */
function bound(name: string, value: string): { id: string; isDate: boolean } {
  if (isObjectId(value)) return { id: value, isDate: false };
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || ms < 0) throw new TrelloHttpError(400, `invalid value for ${name}`);
  return { id: firstIdAt(ms), isDate: true };
}

/**
 * Reads the paging and shape parameters of an actions listing. `before` is exclusive; `since` an id is
 * exclusive (the next page after it) and a date inclusive (everything from that instant).
 */
export function readActionQuery(
  req: Request,
  defaultFilter: string,
): { query: ActionQuery; options: ActionJsonOptions } {
  const params = readParams(req, actionParams);
  const query: ActionQuery = {
    filter: parseActionFilter(params.filter ?? defaultFilter),
    limit: params.limit ?? ACTIONS_DEFAULT_LIMIT,
  };
  if (params.before !== undefined) query.beforeId = bound("before", params.before).id;
  if (params.since !== undefined) {
    const since = bound("since", params.since);
    query.since = { id: since.id, inclusive: since.isDate };
  }
  const options: ActionJsonOptions = {
    ...REST_ACTION_OPTIONS,
    display: params.display ?? REST_ACTION_OPTIONS.display,
    memberCreator: params.memberCreator ?? REST_ACTION_OPTIONS.memberCreator,
    member: params.member ?? REST_ACTION_OPTIONS.member,
  };
  return { query, options };
}
