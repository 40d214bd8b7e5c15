/** The JSON type of a value, as the shape comparisons name it. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Every path in a JSON value (`data.card.id`, array elements as `[]`) with the JSON types seen there. */
export function shapePaths(
  value: unknown,
  prefix = "",
  into = new Map<string, Set<string>>(),
): Map<string, Set<string>> {
  if (prefix !== "") {
    const types = into.get(prefix) ?? new Set<string>();
    types.add(jsonType(value));
    into.set(prefix, types);
  }
  if (Array.isArray(value)) {
    for (const item of value) shapePaths(item, `${prefix}[]`, into);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) shapePaths(child, prefix === "" ? key : `${prefix}.${key}`, into);
  }
  return into;
}

export interface ShapeCheck {
  /** Real values of the same kind; the simulator's paths and types must each appear in at least one. */
  fixtures: unknown[];
  /** Real values whose every path the simulator must also have (defaults to all the fixtures' common paths). */
  required?: unknown[];
  /** Paths (or path prefixes) real Trello has that the simulator leaves out on purpose. */
  omitted?: string[];
}

/** Where a simulator value's shape departs from real Trello's: unknown paths, wrong types, missing paths. */
export function shapeProblems(simValue: unknown, check: ShapeCheck): string[] {
  const known = new Map<string, Set<string>>();
  for (const fixture of check.fixtures) shapePaths(fixture, "", known);
  const sim = shapePaths(simValue);
  const problems: string[] = [];
  for (const [path, types] of sim) {
    const real = known.get(path);
    if (!real) problems.push(`${path}: not in any real fixture`);
    else
      for (const type of types)
        if (!real.has(type)) problems.push(`${path}: ${type}, real Trello has ${[...real].join("|")}`);
  }
  const omitted = (path: string) =>
    (check.omitted ?? []).some(
      (prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[]`),
    );
  const required = (check.required ?? check.fixtures).map((fixture) => shapePaths(fixture));
  const common = [...required[0]!.keys()].filter((path) => required.every((paths) => paths.has(path)));
  // Inside arrays, a path is only required of the simulator's elements when it has elements there.
  const applies = (path: string) => !path.includes("[]") || sim.has(path.slice(0, path.lastIndexOf("[]") + 2));
  for (const path of common) if (!sim.has(path) && !omitted(path) && applies(path)) problems.push(`${path}: missing`);
  return problems;
}

/** The real fixture the simulator's value matches exactly (same paths, same types), or the problems against the closest. */
export function closestMatch(
  simValue: unknown,
  fixtures: unknown[],
  omitted: string[] = [],
): { match?: unknown; problems: string[] } {
  let best: string[] | undefined;
  for (const fixture of fixtures) {
    const problems = shapeProblems(simValue, { fixtures: [fixture], omitted });
    if (problems.length === 0) return { match: fixture, problems };
    if (!best || problems.length < best.length) best = problems;
  }
  return { problems: best ?? ["no fixture to compare with"] };
}
