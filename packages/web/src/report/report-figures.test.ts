import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compile, type TopLevelSpec } from "vega-lite";
import { fixtureRun, reportData } from "../test-support/fixture-runs.js";
import {
  bettiFigure,
  diagramFigure,
  featureCatalog,
  featureFigure,
  headlineFeatures,
  repeatValues,
  reportFigures,
  spreadOf,
  trainingFigure,
} from "./report-figures.js";

// biome-ignore lint/suspicious/noExplicitAny: a spec is plain JSON, navigated freely in tests
type Json = Record<string, any>;

const run = fixtureRun();
const bare = fixtureRun("bare", false);
const data = reportData([run, bare]);

describe("report figures", () => {
  it("draws train and test accuracy of every run, one colour per run in the runs' order", () => {
    const spec = trainingFigure(data, "accuracy") as Json;
    const rows = spec.data.values as Json[];
    assert.equal(rows.length, 2 * 2 * run.records.length);
    const last = run.records.at(-1)!;
    assert.ok(
      rows.some(
        (r) =>
          r.run === "bare" &&
          r.split === "test" &&
          r.epoch === last.epoch &&
          r.value === last.test.accuracy,
      ),
    );
    const line = (spec.layer as Json[]).find((l) => l.mark.type === "line")!;
    assert.deepEqual(line.encoding.color.scale.domain, ["mlp-16-16", "bare"]);
  });

  it("draws the gap as train minus test accuracy, and nothing when no run has a record", () => {
    const spec = trainingFigure(data, "gap") as Json;
    const first = (spec.data.values as Json[])[0]!;
    assert.equal(first.value, run.records[0]!.gap.accuracy);
    assert.equal(trainingFigure(reportData([{ ...bare, records: [] }]), "loss"), null);
  });

  it("draws a Betti curve per snapshot, its band clipped at zero, the chosen epoch highlighted", () => {
    const snapshots = run.topology!;
    const spec = bettiFigure(run, 1, snapshots[2]!.epoch) as Json;
    const epochs = new Set((spec.data.values as Json[]).map((r) => r.epoch));
    assert.equal(epochs.size, snapshots.length);
    assert.ok((spec.data.values as Json[]).every((r) => r.lower >= 0 && r.upper >= r.lower));
    assert.ok(
      (spec.layer as Json[]).some(
        (l) => l.transform?.[0]?.filter === `datum.epoch === ${snapshots[2]!.epoch}`,
      ),
    );
    assert.equal(bettiFigure(bare, 1), null, "no topology: no figure");
  });

  it("draws the chosen snapshot's diagram with essential classes at infinity", () => {
    const spec = diagramFigure(run, 1, 0) as Json;
    const pairs = run.topology![1]!.repeats[0]!.diagrams.flatMap((d) => d.pairs);
    assert.equal(spec.data.values.length, pairs.length);
    assert.match(spec.title, /epoch 1$/);
    assert.equal(diagramFigure(run, 99, 0), null);
  });

  it("derives total persistence per repeat as count times mean lifetime", () => {
    const snapshot = run.topology!.at(-1)!;
    const totals = repeatValues(snapshot, "h1.total");
    snapshot.repeats.forEach((repeat, r) => {
      const lifetimes = repeat.diagrams
        .find((d) => d.dim === 1)!
        .pairs.filter((p) => p[1] !== null)
        .map((p) => p[1]! - p[0]);
      const sum = lifetimes.reduce((a, b) => a + b, 0);
      assert.ok(
        Math.abs(totals[r]! - sum) < 1e-5 * Math.max(1, sum),
        `repeat ${r}: ${totals[r]} vs ${sum}`,
      );
    });
  });

  it("bands a feature by mean ± std or min-max over the repeats", () => {
    const values = repeatValues(run.topology![0]!, "h1.count");
    const { mean, std, min, max } = spreadOf(values);
    const std0 = (featureFigure(data, "h1.count", "std") as Json).data.values[0];
    assert.deepEqual([std0.value, std0.lower, std0.upper], [mean, mean - std, mean + std]);
    const range0 = (featureFigure(data, "h1.count", "range") as Json).data.values[0];
    assert.deepEqual([range0.lower, range0.upper], [min, max]);
    assert.equal(featureFigure(reportData([bare]), "h1.count"), null);
  });

  it("lists the features with the derived totals and picks headline ones per dimension", () => {
    const keys = featureCatalog(data).map((f) => f.key);
    assert.ok(keys.includes("h0.total") && keys.includes("h1.entropy"));
    assert.deepEqual(headlineFeatures(data), [
      "h0.total",
      "h0.entropy",
      "h1.count",
      "h1.total",
      "h1.entropy",
    ]);
  });

  it("gives every figure of the report a distinct file name and a spec vega-lite compiles", () => {
    const figures = reportFigures(data);
    const ids = figures.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of [
      "accuracy",
      "loss",
      "gap",
      "mlp-16-16-betti-h0",
      "mlp-16-16-betti-h1",
      "mlp-16-16-diagram-epoch-5",
      "mlp-16-16-barcode-epoch-5",
      "feature-h1.total",
    ]) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(", ")}`);
    }
    for (const figure of figures) {
      const warnings: string[] = [];
      const logger = {
        level: () => logger,
        warn: (...args: unknown[]) => {
          warnings.push(args.join(" "));
          return logger;
        },
        info: () => logger,
        debug: () => logger,
        error: (...args: unknown[]) => {
          throw new Error(args.join(" "));
        },
      };
      compile(figure.spec as unknown as TopLevelSpec, { logger: logger as never });
      assert.deepEqual(warnings, [], `${figure.id} compiles without warnings`);
    }
  });
});
