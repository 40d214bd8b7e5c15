import request from "supertest";
import { createTrelloSimulator } from "../../../scripts/trello-sim/create-trello-simulator";
import { allDeliveries } from "../../support/trello-fixtures";
import { closestMatch, shapeProblems } from "./support/json-shape";
import { seedEveryAction } from "./support/seed-every-action";

type Action = Record<string, any> & { type: string; data: Record<string, any> };

/** Trello's action kinds: the type, and for updates the field that changed (what `old` holds). */
function variant(action: Action): string {
  const old = action.data?.old ? Object.keys(action.data.old).join(",") : "";
  return old ? `${action.type}:${old}` : action.type;
}

const realActions: Action[] = allDeliveries().map((delivery) => delivery.action);
const modern = realActions.filter((action) => "limits" in action);

const sim = createTrelloSimulator();
const { idBoard, idOtherBoard } = seedEveryAction(sim);
const simActions = [...sim.boardActions(idBoard), ...sim.boardActions(idOtherBoard)] as Action[];
afterAll(() => sim.close());

const byVariant = new Map<string, Action>();
for (const action of simActions) if (!byVariant.has(variant(action))) byVariant.set(variant(action), action);
const compared = [...byVariant.entries()].filter(([kind]) => realActions.some((real) => variant(real) === kind));

describe("the simulator's actions against real Trello actions", () => {
  it("emits every action kind the issue lists, and only kinds without a real sample are left uncompared", () => {
    const uncompared = [...byVariant.keys()].filter((kind) => !compared.some(([done]) => done === kind)).sort();
    expect(uncompared).toEqual([
      "createLabel",
      "moveCardFromBoard",
      "removeLabelFromCard",
      "removeMemberFromCard",
      "updateCard:dueComplete",
      "updateList:closed",
    ]);
    expect(compared.map(([kind]) => kind).sort()).toEqual([
      "addChecklistToCard",
      "addLabelToCard",
      "addMemberToBoard",
      "addMemberToCard",
      "commentCard",
      "createBoard",
      "createCard",
      "createCustomField",
      "createList",
      "deleteCard",
      "moveCardToBoard",
      "updateCard:closed",
      "updateCard:desc",
      "updateCard:due",
      "updateCard:idList",
      "updateCard:name",
      "updateCard:pos",
      "updateCheckItemStateOnCard",
      "updateCustomFieldItem:value",
      "updateList:name",
    ]);
  });

  it.each(compared)("%s has exactly the data keys and value types of a real one", (kind, action) => {
    const real = realActions.filter((candidate) => variant(candidate) === kind).map((candidate) => candidate.data);
    expect(closestMatch(action.data, real).problems).toEqual([]);
  });

  it.each([...byVariant.entries()])("%s has the top-level keys and types of modern Trello actions", (_kind, action) => {
    const { data: _data, ...top } = action;
    const realTops = modern.map(({ data: _d, display: _x, ...rest }) => rest);
    expect(
      shapeProblems(top, { fixtures: realTops, required: realTops.filter((real) => "appCreator" in real) }),
    ).toEqual([]);
  });
});

describe("the simulator's action display against real Trello displays", () => {
  const realDisplays = realActions.filter((action) => action.display);

  /** GET /1/actions/{id} serves an action with its display, as deliveries carry it. */
  async function displayed(action: Action): Promise<Action> {
    const res = await request(sim.app)
      .get(`/1/actions/${action.id}`)
      .query({ key: sim.key, token: sim.token })
      .expect(200);
    return res.body;
  }

  const withRealDisplay = compared.filter(([kind]) => realDisplays.some((real) => variant(real) === kind));

  it("has real displays to compare with for the card, move, checklist and custom field kinds", () => {
    expect(withRealDisplay.map(([kind]) => kind).sort()).toEqual([
      "createCard",
      "createCustomField",
      "updateCard:idList",
      "updateCheckItemStateOnCard",
    ]);
  });

  it.each(withRealDisplay)("%s has exactly the display of a real one", async (kind, action) => {
    const real = realDisplays.filter((candidate) => variant(candidate) === kind).map((candidate) => candidate.display);
    const { display } = await displayed(action);
    expect(closestMatch(display, real).problems).toEqual([]);
    expect(real.map((candidate) => candidate.translationKey)).toContain(display.translationKey);
  });

  it.each([...byVariant.entries()])(
    "%s has a display built only from keys real displays use",
    async (_kind, action) => {
      const { display } = await displayed(action);
      // Entities are keyed by role (card, listBefore, checkitem…); their fields must be ones real entities have.
      const realEntities = realDisplays.flatMap((real) => Object.values(real.display.entities));
      for (const entity of Object.values(display.entities as Record<string, unknown>)) {
        expect(shapeProblems(entity, { fixtures: realEntities, required: [{ type: "", text: "" }] })).toEqual([]);
      }
      expect(display.translationKey).toMatch(/^action_[a-z_]+$/);
    },
  );
});
