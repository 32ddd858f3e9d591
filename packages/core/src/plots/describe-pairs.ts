import type { CheckedDiagram } from "./labelled-diagram.js";
import { dimensionLabel } from "./plot-palette.js";

/**
 * The chart description (read by screen readers in place of one label per
 * mark) of a plot of persistence pairs (internal), e.g. "Persistence diagram:
 * H0 299 pairs (1 essential), H1 12 pairs".
 */
export function describePairs(
  what: string,
  diagrams: readonly CheckedDiagram[],
  dims: readonly number[],
): string {
  const parts = diagrams.map((diagram) => {
    const counts = dims.map((dim) => {
      const bars = diagram.dimensions.find((d) => d.dim === dim);
      const total = bars?.births.length ?? 0;
      let essential = 0;
      if (bars) for (const d of bars.deaths) if (d === Number.POSITIVE_INFINITY) essential += 1;
      const pairs = `${dimensionLabel(dim)} ${total} pair${total === 1 ? "" : "s"}`;
      return essential > 0 ? `${pairs} (${essential} essential)` : pairs;
    });
    const list = counts.length > 0 ? counts.join(", ") : "no pairs";
    return diagram.label === null ? list : `${diagram.label}: ${list}`;
  });
  return `${what}: ${parts.join("; ")}`;
}
