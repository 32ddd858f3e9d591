import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ActivationCollector, DEFAULT_ACTIVATION_BUDGET_BYTES } from "./activation-collector.js";

const layer = (name: string, columns: number) => ({
  name,
  tensorName: `/${name}/Op_output_0`,
  sampleShape: [columns],
  columns,
});

describe("ActivationCollector", () => {
  it("assembles the batches of each layer into one row-major array", () => {
    const collector = new ActivationCollector();
    collector.begin([layer("a", 2), layer("b", 1)], 3);
    collector.onBatch("a", 2, Float32Array.of(1, 2, 3, 4), 0);
    collector.onBatch("b", 2, Float32Array.of(5, 6), 0);
    collector.onBatch("a", 1, Float32Array.of(7, 8, 99, 99), 2);
    collector.onBatch("b", 1, Float32Array.of(9), 2);
    assert.deepEqual([...collector.get("a").data], [1, 2, 3, 4, 7, 8]);
    assert.deepEqual([...collector.get("b").data], [5, 6, 9]);
    assert.equal(collector.get("a").rows, 3);
    assert.deepEqual(
      collector.all().map((a) => a.name),
      ["a", "b"],
    );
  });

  it("refuses at begin when the activations would pass the budget (1 GiB by default)", () => {
    assert.equal(DEFAULT_ACTIVATION_BUDGET_BYTES, 2 ** 30);
    const collector = new ActivationCollector();
    assert.throws(() => collector.begin([layer("conv", 3136), layer("fc", 32)], 100000), {
      name: "RangeError",
      message:
        "the activations would take 1.18 GiB (100000 samples x 3168 values x 4 bytes), over the in-memory budget of 1.00 GiB; stream them to a file, raise the budget or take fewer samples",
    });
    const small = new ActivationCollector({ budgetBytes: 100 });
    assert.throws(() => small.begin([layer("a", 26)], 1), /104 bytes .* budget of 100 bytes/);
    small.begin([layer("a", 25)], 1);
  });

  it("names the layers it has when asked for another", () => {
    const collector = new ActivationCollector();
    collector.begin([layer("a", 1)], 1);
    assert.throws(() => collector.get("b"), /no activations of "b"; it has "a"/);
  });
});
