/** The current-state fields of each entity the store keeps, and what an observation of one looks like. */

export interface BoardFields {
  name: string | null;
}
export interface ListFields {
  boardId: string | null;
  name: string | null;
  closed: boolean | null;
  pos: number | null;
}
export interface CardFields {
  boardId: string | null;
  listId: string | null;
  name: string | null;
  closed: boolean | null;
  deleted: boolean | null;
  due: string | null;
  pos: number | null;
  idShort: number | null;
  shortLink: string | null;
}
export interface MemberFields {
  username: string | null;
  fullName: string | null;
}

/** What one action says about one entity at the moment the action took effect. */
export interface Observation<F> {
  id: string;
  version: string;
  fields: Partial<F>;
}

export interface CardMemberObservation {
  cardId: string;
  memberId: string;
  present: boolean;
  version: string;
}
