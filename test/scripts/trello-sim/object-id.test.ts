import { createIdFactory, firstIdAt, isObjectId } from "../../../scripts/trello-sim/model/object-id";

describe("createIdFactory", () => {
  it("makes 24-hex ObjectIds whose first 4 bytes are the creation time in seconds", () => {
    const at = Date.parse("2024-01-17T13:41:34.244Z");
    const id = createIdFactory()(at);
    expect(isObjectId(id)).toBe(true);
    expect(parseInt(id.slice(0, 8), 16)).toBe(Math.floor(at / 1000));
  });

  it("makes ids that sort by creation date to the millisecond, whatever order they were made in", () => {
    const newId = createIdFactory();
    const dates = [5_000, 1_000, 1_001, 999, 86_400_000, 1_000].map(
      (offset) => Date.parse("2023-06-01T00:00:00Z") + offset,
    );
    const ids = dates.map((date) => ({ date, id: newId(date) }));
    const byId = [...ids].sort((a, b) => (a.id < b.id ? -1 : 1)).map((entry) => entry.date);
    expect(byId).toEqual([...dates].sort((a, b) => a - b));
  });

  it("gives two ids made in the same millisecond the order they were made in", () => {
    const newId = createIdFactory();
    const first = newId(1_700_000_000_123);
    const second = newId(1_700_000_000_123);
    expect(first < second).toBe(true);
  });

  it("bounds a date with firstIdAt: ids at or after the instant sort at or above it, earlier ones below", () => {
    const newId = createIdFactory();
    const at = Date.parse("2024-02-29T10:00:00.500Z");
    expect(newId(at) >= firstIdAt(at)).toBe(true);
    expect(newId(at - 1) < firstIdAt(at)).toBe(true);
  });

  it("refuses a date an ObjectId cannot hold", () => {
    expect(() => createIdFactory()(-1000)).toThrow(RangeError);
  });
});
