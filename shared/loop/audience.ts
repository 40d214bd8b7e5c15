/** Who a report is for: the team (everything), or one client or partner organisation (that party's records only). */
export const AUDIENCES = ["internal", "client", "partner"] as const;

export type Audience = (typeof AUDIENCES)[number];

/** The audiences a report is made for one party of. */
export type PartyAudience = Exclude<Audience, "internal">;

/** How each audience is named to a PM. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  internal: "Internal",
  client: "Client",
  partner: "Partner",
};

/** True for the audiences whose copy is for one party and leaves out our own assessments. */
export function isPartyAudience(audience: Audience): audience is PartyAudience {
  return audience !== "internal";
}
