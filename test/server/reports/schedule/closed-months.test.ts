import { closedMonthsDue, MAX_CATCH_UP_MONTHS } from "../../../../server/reports/schedule/closed-months";

type Case = [string, { zone: string; now: string; connectedAt: string; lastProduced?: string }, string[]];

describe("closedMonthsDue", () => {
  it.each<Case>([
    [
      "nothing while the month the board was connected in is still open",
      { zone: "UTC", now: "2026-03-31T23:59:59Z", connectedAt: "2026-03-10T00:00:00Z" },
      [],
    ],
    [
      "the connection's month once it closes",
      { zone: "UTC", now: "2026-04-01T00:00:00Z", connectedAt: "2026-03-10T00:00:00Z" },
      ["2026-03"],
    ],
    [
      "every month after the last one produced, oldest first",
      { zone: "UTC", now: "2026-07-02T00:00:00Z", connectedAt: "2026-01-10T00:00:00Z", lastProduced: "2026-04" },
      ["2026-05", "2026-06"],
    ],
    [
      "nothing when the last closed month was produced",
      { zone: "UTC", now: "2026-07-02T00:00:00Z", connectedAt: "2026-01-10T00:00:00Z", lastProduced: "2026-06" },
      [],
    ],
    [
      "a month across a year end",
      { zone: "UTC", now: "2027-01-01T00:00:00Z", connectedAt: "2026-01-10T00:00:00Z", lastProduced: "2026-11" },
      ["2026-12"],
    ],
    [
      "Chatham's March before UTC's closes",
      { zone: "Pacific/Chatham", now: "2026-03-31T10:15:00Z", connectedAt: "2026-03-01T00:00:00Z" },
      ["2026-03"],
    ],
    [
      "nothing a minute earlier in Chatham",
      { zone: "Pacific/Chatham", now: "2026-03-31T10:14:00Z", connectedAt: "2026-03-01T00:00:00Z" },
      [],
    ],
    [
      "Honolulu's March only after UTC's",
      { zone: "Pacific/Honolulu", now: "2026-04-01T09:59:00Z", connectedAt: "2026-03-10T00:00:00Z" },
      [],
    ],
    [
      "Honolulu's March at its midnight, 10:00 UTC",
      { zone: "Pacific/Honolulu", now: "2026-04-01T10:00:00Z", connectedAt: "2026-03-10T00:00:00Z" },
      ["2026-03"],
    ],
    [
      "the month of the connection in the board's zone (1 March 00:00 UTC is still February in Honolulu)",
      { zone: "Pacific/Honolulu", now: "2026-03-02T00:00:00Z", connectedAt: "2026-03-01T00:00:00Z" },
      ["2026-02"],
    ],
  ])("gives %s", (_what, input, expected) => {
    expect(
      closedMonthsDue({
        zone: input.zone,
        nowMs: Date.parse(input.now),
        connectedAt: input.connectedAt,
        lastProduced: input.lastProduced,
      }),
    ).toEqual(expected);
  });

  it("catches up on at most a year of months, the most recent ones", () => {
    const months = closedMonthsDue({
      zone: "UTC",
      nowMs: Date.parse("2030-01-15T00:00:00Z"),
      connectedAt: "2026-01-10T00:00:00Z",
      lastProduced: "2026-02",
    });
    expect(months).toHaveLength(MAX_CATCH_UP_MONTHS);
    expect([months[0], months.at(-1)]).toEqual(["2029-01", "2029-12"]);
  });
});
