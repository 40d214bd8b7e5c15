/**
 * A valid `stakeholder` record as the Stakeholders registry saves it: an engaged client on email, weekly, every
 * initiation item agreed. Tests override what they are about.
 */
export function stakeholderRecord(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    name,
    type: "client",
    influence: "high",
    interest: "high",
    channel: "email",
    cadenceDays: 7,
    buyIn: "supporter",
    status: "active",
    initiation: { platform: true, roles: true, reviews: true, scope: true },
    ...overrides,
  };
}
