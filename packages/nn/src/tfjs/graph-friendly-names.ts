/** A node of a TF.js Graph model's GraphDef, as {@link graphFriendlyNames} reads it. */
export interface GraphNode {
  readonly name: string;
  readonly op: string;
  /** Its inputs: `node`, `node:k`, or `^node` for a control dependency. */
  readonly input?: readonly string[];
}

/** Ops that hold no activations: parameters, inputs, control. */
const NOT_LAYERS = new Set(["Const", "Placeholder", "PlaceholderWithDefault", "NoOp"]);

/**
 * Friendly names for the nodes of a converted TensorFlow graph: the Keras
 * layer each node ends. TensorFlow names a node `<scope>/<op>` where the
 * scope is the path of the layers it ran in (e.g.
 * `StatefulPartitionedCall/sequential/conv1/Relu`, or a fused
 * `.../conv1/Relu` for the whole layer). The rule:
 *
 * - A scope's exit is the node of its subtree whose output no other node of
 *   the subtree consumes (constants, placeholders and control edges left
 *   out). When a scope has exactly one exit and that node lies directly in
 *   the scope, the node is named after the scope's last segment (`conv1`),
 *   the layer name a Keras user gave or saw.
 * - When two scopes end in the same last segment, or that segment is a node
 *   name of the graph, both take their whole scope path instead; a path that
 *   is itself a node name gives no friendly name.
 *
 * @param nodes - The GraphDef's nodes, in any order.
 * @returns For each node that gets one, its friendly name.
 *
 * @example
 * graphFriendlyNames([
 *   { name: "m/fc/MatMul", op: "MatMul", input: ["x", "m/fc/w"] },
 *   { name: "m/fc/BiasAdd", op: "BiasAdd", input: ["m/fc/MatMul", "m/fc/b"] },
 * ]); // Map { "m/fc/BiasAdd" => "fc" } (and "m" has the same exit: not direct, no name)
 */
export function graphFriendlyNames(nodes: readonly GraphNode[]): Map<string, string> {
  const layers = nodes.filter((node) => !NOT_LAYERS.has(node.op));
  const nodeNames = new Set(nodes.map((node) => node.name));
  // The scopes (every prefix path) of each layer node, and the consumers' scopes.
  const members = new Map<string, string[]>();
  for (const node of layers) {
    for (const scope of scopesOf(node.name)) {
      const list = members.get(scope);
      if (list) list.push(node.name);
      else members.set(scope, [node.name]);
    }
  }
  const consumers = new Map<string, string[]>();
  for (const node of layers) {
    for (const input of node.input ?? []) {
      if (input.startsWith("^")) continue;
      const source = input.replace(/:\d+$/, "");
      const list = consumers.get(source);
      if (list) list.push(node.name);
      else consumers.set(source, [node.name]);
    }
  }
  const candidates: { node: string; scope: string; segment: string }[] = [];
  for (const [scope, names] of members) {
    const prefix = `${scope}/`;
    const exits = names.filter(
      (name) => !(consumers.get(name) ?? []).some((consumer) => consumer.startsWith(prefix)),
    );
    if (exits.length !== 1) continue;
    const exit = exits[0]!;
    if (exit.lastIndexOf("/") !== scope.length) continue; // not directly in the scope
    candidates.push({ node: exit, scope, segment: scope.slice(scope.lastIndexOf("/") + 1) });
  }
  const bySegment = new Map<string, number>();
  for (const c of candidates) bySegment.set(c.segment, (bySegment.get(c.segment) ?? 0) + 1);
  const result = new Map<string, string>();
  for (const c of candidates) {
    const short = bySegment.get(c.segment) === 1 && !nodeNames.has(c.segment);
    const name = short ? c.segment : c.scope;
    if (!short && nodeNames.has(name)) continue;
    result.set(c.node, name);
  }
  return result;
}

/** `a/b/c/Op` -> ["a", "a/b", "a/b/c"]. */
function scopesOf(name: string): string[] {
  const segments = name.split("/");
  const scopes: string[] = [];
  for (let k = 1; k < segments.length; k += 1) scopes.push(segments.slice(0, k).join("/"));
  return scopes;
}
