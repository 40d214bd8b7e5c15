import * as z from "zod/mini";
import { instant, requiredText, version1 } from "./fields";
import { CHANNELS } from "./stakeholder";

/** How many recent updates a stakeholder card keeps; the service keeps every one it has seen. */
export const LOG_ENTRIES_KEPT = 12;

export const logEntrySchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-z]{6,16}$/, "Log entry id is malformed")),
  at: instant,
  channel: z.enum(CHANNELS, { error: "Choose a channel" }),
  summary: requiredText("Summary", 200),
});

/** Updates sent to a stakeholder, newest first (pluginData key `log` on the stakeholder's card). */
export const communicationLogSchema = z.object({
  v: version1,
  entries: z.array(logEntrySchema).check(z.maxLength(LOG_ENTRIES_KEPT, `At most ${LOG_ENTRIES_KEPT} recent updates`)),
});

export type LogEntry = z.infer<typeof logEntrySchema>;
export type CommunicationLog = z.infer<typeof communicationLogSchema>;
