import { cycleTimeDistribution } from "../../../../server/reports/model/cycle-time-distribution";

describe("cycleTimeDistribution", () => {
  it("counts each cycle time into its bin, a bin's lower edge included and its upper edge not", () => {
    const bins = cycleTimeDistribution([0, 0.99, 1, 3.9, 4, 6.5, 7, 13.9, 14, 27.9, 28, 90]);
    expect(bins).toEqual([
      { fromDays: 0, toDays: 1, cards: 2 },
      { fromDays: 1, toDays: 2, cards: 1 },
      { fromDays: 2, toDays: 4, cards: 1 },
      { fromDays: 4, toDays: 7, cards: 2 },
      { fromDays: 7, toDays: 14, cards: 2 },
      { fromDays: 14, toDays: 28, cards: 2 },
      { fromDays: 28, toDays: null, cards: 2 },
    ]);
  });

  it("lists every bin with zero cards when nothing was completed", () => {
    expect(cycleTimeDistribution([]).map((bin) => bin.cards)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
