import type { DevHostSession } from "./host-bridge";

/** The session as the member the page's URL names (`?member=<id>`), or the default member. */
export function sessionAs(session: DevHostSession, memberId: string | null): DevHostSession {
  if (!memberId || memberId === session.memberId) return session;
  const other = session.otherMembers.find((member) => member.id === memberId);
  if (!other)
    throw new Error(
      `The dev host has no member ${memberId}: it knows ${[session.memberId, ...session.otherMembers.map((m) => m.id)].join(", ")}`,
    );
  return { ...session, memberId: other.id, token: other.token };
}
