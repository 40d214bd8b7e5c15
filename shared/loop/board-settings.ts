import * as z from "zod/mini";
import { idList, trelloId, version1, wholeNumber } from "./fields";
import { AUDIENCES } from "./audience";
import { DEFAULT_SPRINT_DAYS } from "./sprint";
import { isKnownTimeZone } from "../time-zone";

/** The board's Loop settings (board pluginData key `settings`). */
export const boardSettingsSchema = z.object({
  v: version1,
  timezone: z.optional(z.string().check(z.refine(isKnownTimeZone, "Choose a time zone such as Europe/Berlin"))),
  /** Empty: done lists are found by name (DESIGN.md's rule). */
  doneLists: idList("Done lists", 10),
  /** The board's workflow lists (work in progress and cumulative flow); absent or empty: Loop decides by name and use. */
  workLists: z.optional(idList("Work lists", 30)),
  sprintDays: wholeNumber("Sprint length", 7, 28),
  technicalLead: z.optional(trelloId),
  operationalLead: z.optional(trelloId),
  reportAudience: z.enum(AUDIENCES, { error: "Choose a report audience" }),
  reportOnMonthClose: z.boolean(),
});

export type BoardSettings = z.infer<typeof boardSettingsSchema>;

/** Settings of a board nobody has configured yet. */
export function defaultBoardSettings(): BoardSettings {
  return { v: 1, doneLists: [], sprintDays: DEFAULT_SPRINT_DAYS, reportAudience: "internal", reportOnMonthClose: true };
}
