import { z } from "zod";

/** What the dev host page learns from the service (`/dev-host/session.json`): the simulator and who is "signed in". */
export const devHostSessionSchema = z.object({
  simBaseUrl: z.url(),
  key: z.string().min(1),
  /** The member's REST token: what `t.getRestApi().authorize()` hands out. */
  token: z.string().min(1),
  memberId: z.string().min(1),
  pluginId: z.string().min(1),
  /** The board shown when the URL names none (`/dev-host/?board=<id>`). */
  boardId: z.string().min(1),
  /**
   * Other members of the board who can be "signed in" with `/dev-host/?member=<id>`: what a second member of a
   * connected board sees (their own REST token, authorized or not, separate from the one who connected it).
   */
  otherMembers: z.array(z.object({ id: z.string().min(1), token: z.string().min(1) })).default([]),
  /** Where the demo's Outbox is (every message its mail and chat catchers received), linked from the header. */
  outboxUrl: z.string().optional(),
});

export type DevHostSession = z.infer<typeof devHostSessionSchema>;
export type DevHostSessionInput = z.input<typeof devHostSessionSchema>;
