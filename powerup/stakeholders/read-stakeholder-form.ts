import { INITIATION_ITEMS } from "../../shared/loop/stakeholder";

/**
 * What the stakeholder form holds, shaped as a `stakeholder` record for the schema to judge: empty optional texts
 * are left out, an empty cadence stays undefined (so the message says it is needed), and the escalation is
 * included when the status is escalated or any of its fields is filled in (a resolved one stays as history); the
 * release likewise.
 */
export function readStakeholderForm(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const optional = (name: string) => text(name) || undefined;
  const cadence = text("cadenceDays");
  const status = text("status");
  const releaseGiven = status === "released" || ["release.on", "release.reason"].some((n) => text(n) !== "");
  const escalationGiven =
    status === "escalated" ||
    ["escalation.reason", "escalation.on", "escalation.resolvedOn"].some((n) => text(n) !== "");
  return {
    v: 1,
    name: text("name"),
    type: text("type"),
    org: optional("org"),
    roles: optional("roles"),
    duties: optional("duties"),
    rights: optional("rights"),
    influence: text("influence"),
    interest: text("interest"),
    channel: text("channel"),
    contact: optional("contact"),
    cadenceDays: cadence === "" ? undefined : Number(cadence),
    buyIn: text("buyIn"),
    status,
    difficultReason: optional("difficultReason"),
    release: releaseGiven ? { on: text("release.on"), reason: text("release.reason") } : undefined,
    escalation: escalationGiven
      ? {
          to: text("escalation.to"),
          reason: text("escalation.reason"),
          on: text("escalation.on"),
          resolvedOn: optional("escalation.resolvedOn"),
        }
      : undefined,
    initiation: Object.fromEntries(Object.keys(INITIATION_ITEMS).map((item) => [item, data.has(`initiation.${item}`)])),
  };
}
