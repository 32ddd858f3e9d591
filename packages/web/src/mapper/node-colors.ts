import type { MapperNodeJSON } from "@nettopo/core";
import {
  categoricalColor,
  finiteRange,
  MISSING_COLOR,
  normalized,
  sequentialColor,
} from "./color-scale.js";
import { labelName } from "./top-labels.js";

/**
 * What colours the nodes: a lens component's mean over the node, the
 * majority label, the label purity, the node size, or one neuron's mean
 * activation (coordinate `neuron` of the node means).
 */
export type ColorMode =
  | { readonly kind: "lens"; readonly component: number }
  | { readonly kind: "majority" }
  | { readonly kind: "purity" }
  | { readonly kind: "size" }
  | { readonly kind: "neuron"; readonly neuron: number };

/** The legend of a colouring: a gradient over a range, or one swatch per label. */
export type ColorLegend =
  | {
      readonly kind: "sequential";
      readonly title: string;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: "categorical";
      readonly title: string;
      readonly entries: readonly { readonly name: string; readonly color: string }[];
    };

/** The colour of every node, with the legend that explains them. */
export interface NodeColors {
  readonly colors: string[];
  /** The value each colour stands for (NaN for none), for tooltips. */
  readonly values: Float64Array;
  readonly legend: ColorLegend;
}

/**
 * Colours the nodes of a Mapper graph (sequential scales span the values
 * of the nodes shown; labels use the categorical palette).
 *
 * @param nodes - The graph's nodes (Mapper JSON).
 * @param mode - What colours them.
 * @param names - Label names, if known.
 * @example
 * ```ts
 * const { colors, legend } = nodeColors(graph.nodes, { kind: "majority" }, graph.meta.labels?.names);
 * ```
 */
export function nodeColors(
  nodes: readonly MapperNodeJSON[],
  mode: ColorMode,
  names?: readonly string[] | null,
): NodeColors {
  const values = new Float64Array(nodes.length);
  if (mode.kind === "majority") {
    const seen = new Set<number>();
    const colors = nodes.map((node, i) => {
      values[i] = node.majority ?? Number.NaN;
      if (node.majority === undefined) return MISSING_COLOR;
      seen.add(node.majority);
      return categoricalColor(node.majority);
    });
    const entries = [...seen]
      .sort((a, b) => a - b)
      .map((k) => ({ name: labelName(k, names), color: categoricalColor(k) }));
    return { colors, values, legend: { kind: "categorical", title: "Majority label", entries } };
  }
  let title: string;
  nodes.forEach((node, i) => {
    switch (mode.kind) {
      case "lens":
        values[i] = node.lens[mode.component] ?? Number.NaN;
        break;
      case "purity":
        values[i] = node.purity ?? Number.NaN;
        break;
      case "size":
        values[i] = node.size;
        break;
      case "neuron":
        values[i] = node.means?.[mode.neuron] ?? Number.NaN;
        break;
    }
  });
  switch (mode.kind) {
    case "lens":
      title = `Lens mean${nodes[0] !== undefined && nodes[0].lens.length > 1 ? ` (component ${mode.component + 1})` : ""}`;
      break;
    case "purity":
      title = "Label purity";
      break;
    case "size":
      title = "Node size";
      break;
    default:
      title = `Neuron ${mode.neuron} mean activation`;
  }
  const range = finiteRange(values);
  const colors = Array.from(values, (v) => sequentialColor(normalized(v, range)));
  return {
    colors,
    values,
    legend: { kind: "sequential", title, min: range[0], max: range[1] },
  };
}

/**
 * A node's radius in layout units: the area grows with the number of
 * members, from `min` for the smallest node to `max` for the largest.
 * @example
 * ```ts
 * nodeRadius(25, 100); // 13 (4 + 18 * sqrt(0.25))
 * ```
 */
export function nodeRadius(size: number, maxSize: number, min = 4, max = 22): number {
  if (!(maxSize > 0)) return min;
  return min + (max - min) * Math.sqrt(Math.max(0, size) / maxSize);
}
