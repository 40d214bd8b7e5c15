import { emptyBoardState, type BoardState, type CardState } from "../../../../server/history/board-state";
import { loopListIds, loopOwnCardIds } from "../../../../server/reports/model/loop-own-cards";

function card(listId: string, fields: Partial<CardState> = {}): CardState {
  return {
    listId,
    enteredListMs: 0,
    closed: false,
    gone: false,
    name: null,
    due: null,
    bornMs: 0,
    bornByCreation: true,
    members: [],
    labels: [],
    ...fields,
  };
}

function board(cards: Record<string, CardState>): BoardState {
  const state = emptyBoardState(Date.parse("2026-04-01T00:00:00Z"));
  for (const [id, c] of Object.entries(cards)) state.cards.set(id, c);
  return state;
}

const names = new Map<string, string | null>([
  ["stk", "Stakeholders"],
  ["doing", "Doing"],
  ["rep", "📊 Reports"],
]);

describe("loopOwnCardIds", () => {
  it("takes stakeholder and sprint cards and every card in the Reports list, and nothing else", () => {
    const state = board({
      alice: card("stk"),
      s1: card("doing"),
      report: card("rep"),
      work: card("doing"),
      milestone: card("doing"),
    });
    const records = new Map<string, Record<string, unknown>>([
      ["alice", { stakeholder: { v: 1 }, log: { v: 1 } }],
      ["s1", { sprint: { v: 1 }, review: { v: 1 } }],
      ["milestone", { milestone: { v: 1 } }],
    ]);
    expect([...loopOwnCardIds(records, state, names)].sort()).toEqual(["alice", "report", "s1"]);
  });

  it("finds nothing on a board without Loop data or a Reports list", () => {
    expect(loopOwnCardIds(new Map(), board({ a: card("doing"), b: card("stk") }), names).size).toBe(0);
  });
});

describe("loopListIds", () => {
  it("takes the lists mostly holding Loop's open cards: a sprint card parked in Doing leaves Doing a work list", () => {
    const state = board({
      alice: card("stk"),
      bob: card("stk"),
      note: card("stk"),
      s1: card("doing"),
      work: card("doing"),
      more: card("doing"),
      gone: card("doing", { gone: true }),
      archived: card("doing", { closed: true }),
    });
    expect([...loopListIds(state, new Set(["alice", "bob", "s1", "gone", "archived"]))]).toEqual(["stk"]);
  });
});
