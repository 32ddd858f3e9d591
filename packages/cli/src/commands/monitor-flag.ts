import { NEURON_SAMPLINGS, type NeuronSampling } from "@nettopo/core";
import type { NeuronMetric, NeuronMonitorConfig } from "@nettopo/nn";
import { UsageError } from "../usage-error.js";
import { NEURON_METRICS } from "./neurons-job.js";

/** The keys of `--monitor neurons:KEY=VALUE,...`. */
const KEYS = [
  "every",
  "neurons",
  "samples",
  "bootstrap",
  "layers",
  "sampling",
  "metric",
  "dim",
  "threshold",
  "precision",
  "seed",
] as const;

/**
 * Parses `--monitor neurons[:every=1,neurons=500,samples=1000,bootstrap=4,
 * layers=a+b,sampling=uniform,metric=abs-correlation,dim=1,threshold=T,
 * precision=float32,seed=0]` strictly into nn's monitor configuration (keys
 * left out take nn's defaults).
 *
 * @throws UsageError (one line) for another monitor, an unknown or repeated
 *   key, or a bad value.
 */
export function parseMonitorFlag(value: string): NeuronMonitorConfig {
  const flag = `--monitor ${JSON.stringify(value)}`;
  const [kind, rest, ...extra] = value.split(":");
  if (kind !== "neurons" || extra.length > 0) {
    throw new UsageError(
      `${flag}: expected neurons or neurons:KEY=VALUE,... (keys ${KEYS.join(", ")})`,
    );
  }
  const config: Record<string, unknown> = {};
  if (rest === undefined) return config;
  if (rest === "") throw new UsageError(`${flag}: nothing after "neurons:"; drop the colon`);
  for (const item of rest.split(",")) {
    const match = /^([a-z]+)=(.+)$/.exec(item);
    if (match === null) {
      throw new UsageError(`${flag}: ${JSON.stringify(item)} is not KEY=VALUE`);
    }
    const [, key, text] = match as unknown as [string, string, string];
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new UsageError(
        `${flag}: unknown key ${JSON.stringify(key)}; expected one of ${KEYS.join(", ")}`,
      );
    }
    if (key in config) throw new UsageError(`${flag}: ${key} is given twice`);
    config[key] = parseValue(flag, key as (typeof KEYS)[number], text);
  }
  return config as NeuronMonitorConfig;
}

function parseValue(flag: string, key: (typeof KEYS)[number], text: string): unknown {
  const bad = (expected: string) =>
    new UsageError(`${flag}: ${key}=${text} is not valid; expected ${expected}`);
  const integer = (min: number) => {
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
      throw bad(`an integer >= ${min}`);
    }
    return Number(text);
  };
  const positive = () => {
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!(number > 0) || !Number.isFinite(number)) throw bad("a number > 0");
    return number;
  };
  const choice = <T extends string>(choices: readonly T[]): T => {
    if (!(choices as readonly string[]).includes(text)) throw bad(`one of ${choices.join(", ")}`);
    return text as T;
  };
  switch (key) {
    case "every":
    case "threshold":
      return positive();
    case "neurons":
    case "samples":
      return text === "all" ? "all" : integer(2);
    case "bootstrap":
      return integer(1);
    case "dim":
      return integer(0);
    case "seed":
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw bad("an integer");
      return Number(text);
    case "layers": {
      const names = text.split("+");
      if (names.some((name) => name === "")) throw bad("layer names joined by + (a+b)");
      return names;
    }
    case "sampling":
      return choice<NeuronSampling>(NEURON_SAMPLINGS);
    case "metric":
      return choice(Object.keys(NEURON_METRICS) as NeuronMetric[]);
    case "precision":
      return choice(["float32", "float64"] as const);
  }
}
