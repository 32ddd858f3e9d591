/** A graph node as {@link friendlyNames} reads it: its name and output tensor names. */
export interface NamedNode {
  /** The node's name, e.g. PyTorch's `/features/features.0/Conv`; may be empty. */
  readonly name: string;
  /** Its output tensor names, in order (an omitted optional output is ""). */
  readonly outputs: readonly string[];
}

/** The friendly names of one tensor. */
export interface FriendlyName {
  /** The name to show and to ask for, unique in the graph. */
  readonly name: string;
  /**
   * Further names of the same tensor: the modules whose output it is besides
   * its own (a container whose last operation lies in a child), e.g.
   * `features` for the tensor named `features.5`.
   */
  readonly aliases: readonly string[];
}

/**
 * Friendly names for the output tensors of a graph's nodes, derived from the
 * node names PyTorch (>= 1.13) writes when it exports to ONNX.
 *
 * PyTorch names a node `/<scope>/<Op>` where the scope lists the path of
 * modules the operation ran in, one segment per module (a child of a
 * container repeats the container's path: `/features/features.0/Conv`; a
 * module called a second time gets the suffix `_1`: `/relu_1/Relu`), and the
 * `<Op>` part is the op type, with `_k` when the same module ran it more than
 * once (`/Relu_1`). The rule:
 *
 * - The module path of a node joins its scope segments with dots, a segment
 *   that already starts with the path so far replacing it:
 *   `/features/features.0/Conv` -> `features.0`,
 *   `/layer1/layer1.0/conv1/Conv` -> `layer1.0.conv1`. This is the name of
 *   the module in `model.named_modules()`, the one a forward hook is put on.
 * - The last node (in graph order, which ONNX keeps topological) inside a
 *   module's scope, its children's included, computes the module's output:
 *   its first output is named after the module (`conv1` for
 *   `/conv1/Conv_output_0`, `fc2` for `/fc2/Gemm`, `relu` and `relu_1` for the
 *   two calls of one ReLU module).
 * - Other nodes directly in a module's scope are named `<module>.<Op>`
 *   (`block.Add`); nodes outside every module (functional calls in the top
 *   `forward`) by their `<Op>` part (`Flatten`, `Relu_1`).
 * - A module whose last node lies in a child gets the child's tensor as an
 *   alias (`features` -> the tensor of `features.5`).
 * - Output k >= 1 of a node is named `<name>:k` (an LSTM's hidden states).
 * - Nodes whose names are not of that form (other exporters, older PyTorch)
 *   are named by their node name when it is not empty.
 * - Names are unique: a name already taken by an earlier tensor, or equal to
 *   another tensor's own name, gets `#2`, `#3`, ...; a clashing alias is
 *   dropped.
 *
 * Pure: it reads names only; pass the nodes whose outputs are layers (nettopo
 * leaves out `Constant` nodes).
 *
 * @param nodes - The nodes, in graph order.
 * @param reserved - Further tensor names no friendly name may take (the
 *   graph's inputs); default none.
 * @returns For each output tensor name that got one, its friendly name.
 *
 * @example
 * friendlyNames([{ name: "/fc1/Gemm", outputs: ["/fc1/Gemm_output_0"] }]);
 * // Map { "/fc1/Gemm_output_0" => { name: "fc1", aliases: [] } }
 */
export function friendlyNames(
  nodes: readonly NamedNode[],
  reserved: readonly string[] = [],
): Map<string, FriendlyName> {
  const scopes = nodes.map((node) => parseScope(node.name));
  // The last node of each module's subtree.
  const lastOf = new Map<string, number>();
  scopes.forEach((scope, index) => {
    if (scope) for (const path of scope.paths) lastOf.set(path, index);
  });

  const tensors = new Set<string>(reserved);
  for (const node of nodes) for (const output of node.outputs) if (output) tensors.add(output);

  const taken = new Set<string>();
  const primary = new Map<string, string>();
  const claim = (tensor: string, wanted: string) => {
    let name = wanted;
    for (let k = 2; taken.has(name) || (name !== tensor && tensors.has(name)); k += 1) {
      name = `${wanted}#${k}`;
    }
    taken.add(name);
    primary.set(tensor, name);
  };

  nodes.forEach((node, index) => {
    const scope = scopes[index];
    let base: string | undefined;
    if (scope) {
      const own = scope.paths.at(-1);
      if (own === undefined) base = scope.op;
      else base = lastOf.get(own) === index ? own : `${own}.${scope.op}`;
    } else if (node.name !== "") {
      base = node.name;
    }
    if (base === undefined) return;
    node.outputs.forEach((output, k) => {
      if (output) claim(output, k === 0 ? base : `${base}:${k}`);
    });
  });

  const result = new Map<string, FriendlyName>();
  for (const [tensor, name] of primary) result.set(tensor, { name, aliases: [] });
  nodes.forEach((node, index) => {
    const scope = scopes[index];
    const output = node.outputs[0];
    if (!scope || !output) return;
    const aliases: string[] = [];
    for (const path of scope.paths.slice(0, -1)) {
      if (lastOf.get(path) !== index || taken.has(path) || tensors.has(path)) continue;
      taken.add(path);
      aliases.push(path);
    }
    // The outermost module first: `layer1`, then `layer1.1`.
    if (aliases.length > 0) result.set(output, { name: primary.get(output)!, aliases });
  });
  return result;
}

/** A PyTorch node name split: the module paths from the outermost in, and the op part. */
interface Scope {
  readonly paths: readonly string[];
  readonly op: string;
}

function parseScope(name: string): Scope | undefined {
  if (!name.startsWith("/")) return undefined;
  const segments = name.slice(1).split("/");
  const op = segments.pop();
  if (!op || segments.some((segment) => segment === "")) return undefined;
  const paths: string[] = [];
  let path = "";
  for (const segment of segments) {
    path = path !== "" && !segment.startsWith(`${path}.`) ? `${path}.${segment}` : segment;
    paths.push(path);
  }
  return { paths, op };
}
