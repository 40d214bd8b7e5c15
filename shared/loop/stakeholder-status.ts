import type { Stakeholder } from "./stakeholder";

export type StakeholderStatus = Stakeholder["status"];

/**
 * The status a stakeholder is in on `day` (YYYY-MM-DD in the board's zone). An escalation resolved by then is over,
 * whatever the saved status still says: the stakeholder is active again. The one rule the badges, the registry and the
 * report apply.
 */
export function stakeholderStatus(
  stakeholder: Pick<Stakeholder, "status" | "escalation">,
  day: string,
): StakeholderStatus {
  const resolvedOn = stakeholder.escalation?.resolvedOn;
  if (stakeholder.status === "escalated" && resolvedOn !== undefined && resolvedOn <= day) return "active";
  return stakeholder.status;
}

/** Whether the stakeholder's escalation is open on `day`: raised by then and not resolved by then. */
export function isEscalationOpen(stakeholder: Pick<Stakeholder, "escalation">, day: string): boolean {
  const e = stakeholder.escalation;
  return e !== undefined && e.on <= day && (e.resolvedOn === undefined || e.resolvedOn > day);
}
