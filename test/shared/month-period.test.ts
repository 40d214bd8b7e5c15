import { monthPeriod } from "../../shared/month-period";
import { isKnownTimeZone } from "../../shared/time-zone";

// Expected bounds worked out by hand from each zone's offsets and DST rules, not from the library under test.
describe("monthPeriod", () => {
  it.each([
    ["2026-03", "UTC", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
    // New York: EST (-5) on 1 March, EDT (-4) from 8 March, so March is 743 hours long.
    ["2026-03", "America/New_York", "2026-03-01T05:00:00.000Z", "2026-04-01T04:00:00.000Z"],
    // London: BST ends 25 October 2026.
    ["2026-10", "Europe/London", "2026-09-30T23:00:00.000Z", "2026-11-01T00:00:00.000Z"],
    // Chatham: +13:45 in DST (last Sunday of September to first Sunday of April), +12:45 otherwise.
    ["2026-04", "Pacific/Chatham", "2026-03-31T10:15:00.000Z", "2026-04-30T11:15:00.000Z"],
    ["2026-09", "Pacific/Chatham", "2026-08-31T11:15:00.000Z", "2026-09-30T10:15:00.000Z"],
    ["2026-07", "Pacific/Chatham", "2026-06-30T11:15:00.000Z", "2026-07-31T11:15:00.000Z"],
    // Kolkata: +5:30 all year.
    ["2026-01", "Asia/Kolkata", "2025-12-31T18:30:00.000Z", "2026-01-31T18:30:00.000Z"],
    ["2026-02", "Asia/Kolkata", "2026-01-31T18:30:00.000Z", "2026-02-28T18:30:00.000Z"],
    // St John's: -2:30 in summer, -3:30 in winter; DST ends at 02:00 on 1 November 2026, after midnight.
    ["2026-11", "America/St_Johns", "2026-11-01T02:30:00.000Z", "2026-12-01T03:30:00.000Z"],
    ["2026-03", "America/St_Johns", "2026-03-01T03:30:00.000Z", "2026-04-01T02:30:00.000Z"],
    // Leap February in Sydney (+11 in DST).
    ["2028-02", "Australia/Sydney", "2028-01-31T13:00:00.000Z", "2028-02-29T13:00:00.000Z"],
    // Year boundary.
    ["2026-12", "America/Los_Angeles", "2026-12-01T08:00:00.000Z", "2027-01-01T08:00:00.000Z"],
  ])("bounds %s in %s as [%s, %s)", (month, zone, start, end) => {
    const period = monthPeriod(month, zone);
    expect(period).toMatchObject({ month, timezone: zone, start, end });
    expect(period.startMs).toBe(Date.parse(start));
    expect(period.endMs).toBe(Date.parse(end));
  });

  it("makes a DST month an hour shorter or longer than its calendar days", () => {
    const march = monthPeriod("2026-03", "America/New_York");
    expect((march.endMs - march.startMs) / 3_600_000).toBe(31 * 24 - 1);
    const april = monthPeriod("2026-04", "Pacific/Chatham");
    expect((april.endMs - april.startMs) / 3_600_000).toBe(30 * 24 + 1);
  });

  it("names the zone in its canonical spelling", () => {
    expect(monthPeriod("2026-03", "europe/berlin").timezone).toBe("Europe/Berlin");
    expect(monthPeriod("2026-03", "Asia/Kolkata").timezone).toBe("Asia/Kolkata");
    expect(monthPeriod("2026-03", "Asia/Calcutta").timezone).toBe("Asia/Calcutta");
    expect(monthPeriod("2026-03", "america/st_johns")).toMatchObject({
      timezone: "America/St_Johns",
      start: "2026-03-01T03:30:00.000Z",
    });
  });

  it("refuses a malformed month or an unknown zone", () => {
    expect(() => monthPeriod("2026-13", "UTC")).toThrow(/YYYY-MM/);
    expect(() => monthPeriod("2026-3", "UTC")).toThrow(/YYYY-MM/);
    expect(() => monthPeriod("2026-03", "Mars/Olympus_Mons")).toThrow(/time zone/);
    expect(isKnownTimeZone("Asia/Kolkata")).toBe(true);
    expect(isKnownTimeZone("EST5EDT_not")).toBe(false);
  });
});
