import type { CardMemberObservation } from "./entity-fields";
import type { Db } from "./open-database";

export interface CardMembersStore {
  /** Records a member joining or leaving a card, unless a newer action already decided it. */
  observe(observation: CardMemberObservation): void;
  memberIds(cardId: string): string[];
}

/** SQL for the card_members table. */
export function createCardMembersStore(db: Db): CardMembersStore {
  const upsert = db.prepare(
    `INSERT INTO card_members (card_id, member_id, present, version) VALUES (@cardId, @memberId, @present, @version)
     ON CONFLICT (card_id, member_id) DO UPDATE SET present = excluded.present, version = excluded.version
     WHERE excluded.version > card_members.version`,
  );
  const select = db
    .prepare("SELECT member_id FROM card_members WHERE card_id = ? AND present = 1 ORDER BY member_id")
    .pluck();
  return {
    observe(observation) {
      upsert.run({ ...observation, present: observation.present ? 1 : 0 });
    },
    memberIds(cardId) {
      return select.all(cardId) as string[];
    },
  };
}
