import { LEVELS, type Stakeholder } from "../../shared/loop/stakeholder";
import { h } from "../lib/dom";

type Level = (typeof LEVELS)[number];

export type Quadrant = "Manage closely" | "Keep satisfied" | "Keep informed" | "Monitor";

/**
 * The quadrant of a power/interest cell. Medium counts as high on both axes: a stakeholder in doubt gets the
 * closer attention.
 */
export function quadrantOf(influence: Level, interest: Level): Quadrant {
  const powerful = influence !== "low";
  const interested = interest !== "low";
  if (powerful) return interested ? "Manage closely" : "Keep satisfied";
  return interested ? "Keep informed" : "Monitor";
}

const QUADRANT_CLASS: Record<Quadrant, string> = {
  "Manage closely": "q-manage",
  "Keep satisfied": "q-satisfy",
  "Keep informed": "q-inform",
  Monitor: "q-monitor",
};

/** The 3×3 power (influence) / interest grid with each stakeholder's name in its cell. */
export function renderPowerInterestGrid(
  stakeholders: Pick<Stakeholder, "name" | "type" | "influence" | "interest">[],
): HTMLElement {
  const rowsTopDown = [...LEVELS].reverse();
  const cells: HTMLElement[] = [];
  for (const influence of rowsTopDown) {
    cells.push(h("div", { class: "grid-axis grid-axis-row" }, influence));
    for (const interest of LEVELS) {
      const quadrant = quadrantOf(influence, interest);
      const here = stakeholders.filter((s) => s.influence === influence && s.interest === interest);
      cells.push(
        h(
          "div",
          {
            class: `grid-cell ${QUADRANT_CLASS[quadrant]}`,
            role: "group",
            "aria-label": `Influence ${influence}, interest ${interest}: ${quadrant}`,
            "data-influence": influence,
            "data-interest": interest,
          },
          h("div", { class: "quadrant-name" }, quadrant),
          h("ul", { class: "grid-names" }, ...here.map((s) => h("li", { class: `type-chip type-${s.type}` }, s.name))),
        ),
      );
    }
  }
  return h(
    "figure",
    { class: "power-interest" },
    h(
      "div",
      { class: "grid-wrap" },
      h("div", { class: "grid-axis-title grid-axis-title-y" }, "Influence ↑"),
      h(
        "div",
        { class: "grid" },
        ...cells,
        h("div", { class: "grid-axis" }),
        ...LEVELS.map((interest) => h("div", { class: "grid-axis grid-axis-col" }, interest)),
      ),
    ),
    h("figcaption", { class: "grid-axis-title" }, "Interest →"),
    stakeholders.length === 0 ? h("p", { class: "muted" }, "Stakeholders appear here once they are added.") : null,
  );
}
