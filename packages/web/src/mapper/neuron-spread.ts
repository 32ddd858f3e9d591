/** What {@link neuronsBySpread} reads of a node. */
export interface NodeWithMeans {
  readonly means?: readonly number[];
}

/** A neuron and how much its mean activation varies over the nodes. */
export interface NeuronSpread {
  readonly neuron: number;
  /** max - min of the neuron's node means. */
  readonly spread: number;
}

/**
 * The neurons ordered by how much their mean activation varies from node
 * to node (largest first, ties by index): the neurons worth colouring by
 * come first in the explorer's picker. Nodes without means are skipped.
 *
 * @example
 * ```ts
 * neuronsBySpread([{ means: [0, 5] }, { means: [1, 5] }]);
 * // [{ neuron: 0, spread: 1 }, { neuron: 1, spread: 0 }]
 * ```
 */
export function neuronsBySpread(nodes: readonly NodeWithMeans[]): NeuronSpread[] {
  const dimension = nodes.find((n) => n.means !== undefined)?.means?.length ?? 0;
  const min = new Float64Array(dimension).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(dimension).fill(Number.NEGATIVE_INFINITY);
  for (const node of nodes) {
    if (node.means === undefined) continue;
    for (let k = 0; k < dimension; k++) {
      const x = node.means[k]!;
      if (x < min[k]!) min[k] = x;
      if (x > max[k]!) max[k] = x;
    }
  }
  return Array.from({ length: dimension }, (_, neuron) => ({
    neuron,
    spread: max[neuron]! - min[neuron]!,
  })).sort((a, b) => b.spread - a.spread || a.neuron - b.neuron);
}
