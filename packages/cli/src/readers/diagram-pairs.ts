import { diagramToJSON, type PersistenceDiagram } from "@nettopo/core";
import type { DimensionPairsJSON } from "@nettopo/web";

/**
 * A diagram's pairs per dimension as `nettopo ph` writes them (`null` death:
 * essential), without the cocycles a `--cocycles` file carries: the diagrams
 * page draws none, and they would only make the page heavier.
 */
export function diagramPairs(diagram: PersistenceDiagram): DimensionPairsJSON[] {
  return diagramToJSON(diagram).diagrams.map(({ dim, pairs }) => ({ dim, pairs }));
}
