import type { GraphModel, NamedTensorMap, Tensor } from "@tensorflow/tfjs";

/**
 * Runs a Graph model for the named nodes (internal): `execute`, or
 * `executeAsync` when the graph holds control flow or dynamic ops that
 * `execute` refuses.
 *
 * @returns One tensor per name, in order; the caller disposes them.
 */
export async function executeGraph(
  model: GraphModel,
  feeds: NamedTensorMap,
  names: readonly string[],
): Promise<Tensor[]> {
  try {
    return model.execute(feeds, [...names]) as Tensor[];
  } catch (error) {
    if (!/executeAsync/.test(String((error as Error)?.message))) throw error;
    return (await model.executeAsync(feeds, [...names])) as Tensor[];
  }
}
