import fs from "node:fs";
import type { Frame, Page } from "playwright-core";

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AccessibilityFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * The serious and critical WCAG 2.x A/AA violations axe-core finds in one frame (a Power-Up page inside the dev host),
 * each with the elements it names, so a failing assertion says what to fix.
 */
export async function seriousAccessibilityFindings(frame: Frame): Promise<AccessibilityFinding[]> {
  // Evaluated over the DevTools protocol: the page's own CSP (script-src 'self') rightly refuses an inline script tag.
  await frame.evaluate(AXE_SOURCE);
  const results = (await frame.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
  )) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

/**
 * How a control is named in both lists (in the page's JavaScript): a radio group is one stop, as Tab reaches one of its
 * radios and the arrow keys move within it.
 */
const CONTROL_NAME = `(el) => el.type === "radio"
  ? "radio-group[name=" + el.name + "]"
  : el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.getAttribute("name") ? "[name=" + el.getAttribute("name") + "]" : "")
    + (el.tagName === "BUTTON" ? "(" + el.textContent.trim() + ")" : "")`;

export interface FocusStop {
  element: string;
  /** Whether the focused element draws a focus indicator (an outline or a box shadow). */
  visible: boolean;
}

/**
 * Tabs through a frame from its start and lists where focus lands until it leaves the frame or comes round again:
 * every control a mouse user can reach should be among the stops, each with a visible focus indicator.
 */
export async function tabStops(page: Page, frame: Frame, limit = 60): Promise<FocusStop[]> {
  // Focus the page itself, before its first control, as a keyboard user arriving in the iframe is.
  await frame.evaluate("document.body.tabIndex = -1; document.body.focus()");
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  let last: string | undefined;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const stop = (await frame.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.dataset.tabStop) el.dataset.tabStop = String(document.querySelectorAll("[data-tab-stop]").length + 1);
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow && style.boxShadow !== "none";
      return { key: el.dataset.tabStop, element: (${CONTROL_NAME})(el), visible: outline || !!shadow };
    })()`)) as { key: string; element: string; visible: boolean } | null;
    if (!stop) break;
    // A date or month input takes several Tabs (one per segment) on the same element.
    if (stop.key === last) continue;
    if (seen.has(stop.key)) break;
    last = stop.key;
    seen.add(stop.key);
    stops.push({ element: stop.element, visible: stop.visible });
  }
  return stops;
}

/** The frame's enabled, visible form controls and buttons, named as tabStops names them. */
export async function visibleControls(frame: Frame): Promise<string[]> {
  const names = (await frame.evaluate(`[...document.querySelectorAll("input, select, textarea, button, a[href]")]
    .filter((el) => !el.disabled && el.type !== "hidden" && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden" && el.tabIndex >= 0)
    .map(${CONTROL_NAME})`)) as string[];
  return [...new Set(names)];
}
