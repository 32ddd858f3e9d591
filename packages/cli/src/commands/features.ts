import { integerFlag, integerPairFlag, numberFlag, oneOf, parseCommandArgs } from "../flags.js";
import { DIAGRAM_FORMATS, readDiagramFile } from "../readers/diagram-file.js";
import { UsageError } from "../usage-error.js";
import { writeOutput } from "../write-output.js";
import { computeFeatures, VECTORIZERS, type Vectorizer } from "./features-job.js";

/** The help text of `nettopo features`. */
export const FEATURES_USAGE = `Usage: nettopo features [options] DIAGRAM...

Features and vectorizations of persistence diagrams, as JSON on stdout:
{"diagrams":[{"source","summary","statistics","dimensions":[{"dim",...}]}]}.
With several diagrams the grids and image ranges are fitted on all of them
together, so their vectors are comparable.

Diagrams: the JSON of 'nettopo ph', Ripser's text output, or .npy/.csv arrays
of (birth, death) rows (inf for an essential class; their pairs are dim 0, or
the single --dim given).

Options:
  --vectorize LIST     comma-separated, from: summary (per-dimension table),
                       stats (mean/std of births, deaths, lifetimes, midlives
                       and top-k lifetimes per dimension and pooled), count,
                       entropy, total-persistence, polynomial (complex
                       polynomial, type R), betti, landscape, silhouette,
                       image (persistence image), heat (heat kernel).
                       Default: summary,stats
  --dim LIST           dimensions to describe, e.g. 1 or 0,1 (default: all)
  --resolution N       samples of the curves and the heat kernel (default 100)
  --range MIN,MAX      the curves' sample range (default: fitted on the data)
  --layers K           landscape layers (default 5)
  --power P            silhouette weight (lifetime^P) and total-persistence
                       power (default 1)
  --image-size W,H     persistence image resolution (default 20,20)
  --bandwidth S        persistence image Gaussian bandwidth (default 1: set it
                       to the scale of your diagrams)
  --sigma S            heat kernel bandwidth (default 1)
  --base B             entropy logarithm base (default e)
  --top-k K            top lifetimes in stats (default 5)
  --infinity X         replace essential deaths by X (default: essential
                       classes are left out, except by betti and count)
  --diagram-format F   json, ripser, npy or csv (default: guessed)
  --output FILE        write to FILE (replaced atomically) instead of stdout
  -h, --help           show this help

Exit status: 0 done, 1 bad input data, 2 bad usage.
`;

const OPTIONS = {
  vectorize: { type: "string" },
  dim: { type: "string" },
  resolution: { type: "string" },
  range: { type: "string" },
  layers: { type: "string" },
  power: { type: "string" },
  "image-size": { type: "string" },
  bandwidth: { type: "string" },
  sigma: { type: "string" },
  base: { type: "string" },
  "top-k": { type: "string" },
  infinity: { type: "string" },
  "diagram-format": { type: "string" },
  output: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Runs `nettopo features`.
 * @returns The exit code.
 * @throws UsageError, TypeError / RangeError (bad data) and IoError, for the
 *   caller to report in one line.
 */
export async function runFeatures(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("features", args, OPTIONS);
  if (values.help) {
    process.stdout.write(FEATURES_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    throw new UsageError("features needs at least one DIAGRAM file; run 'nettopo features --help'");
  }
  const vectorizers = (values.vectorize ?? "summary,stats")
    .split(",")
    .map((name) => oneOf("--vectorize", name.trim(), VECTORIZERS) as Vectorizer);
  const dims = values.dim?.split(",").map((d) => integerFlag("--dim", d.trim()));
  const format = oneOf("--diagram-format", values["diagram-format"], DIAGRAM_FORMATS);
  const arrayDim = dims?.length === 1 ? dims[0] : undefined;
  const diagrams = positionals.map((path) => ({
    source: path,
    diagram: readDiagramFile(path, { format, arrayDim }),
  }));
  const result = computeFeatures(diagrams, {
    vectorizers,
    dims,
    resolution: optional(values.resolution, (v) => integerFlag("--resolution", v, 1), 100),
    sampleRange: optional(values.range, (v) => rangeFlag("--range", v), undefined) as
      | readonly [number, number]
      | undefined,
    layers: optional(values.layers, (v) => integerFlag("--layers", v, 1), 5),
    power: optional(values.power, (v) => numberFlag("--power", v), 1),
    imageSize: optional(values["image-size"], (v) => integerPairFlag("--image-size", v), [20, 20]),
    bandwidth: optional(values.bandwidth, (v) => positive("--bandwidth", v), 1),
    sigma: optional(values.sigma, (v) => positive("--sigma", v), 1),
    base: optional(values.base, (v) => (v === "e" ? Math.E : positive("--base", v)), Math.E),
    topK: optional(values["top-k"], (v) => integerFlag("--top-k", v), 5),
    infinityValue: optional(
      values.infinity,
      (v) => numberFlag("--infinity", v, { min: -Infinity }),
      undefined,
    ),
  });
  await writeOutput(`${JSON.stringify(result)}\n`, values.output);
  return 0;
}

function optional<T, D>(value: string | undefined, parse: (v: string) => T, fallback: D): T | D {
  return value === undefined ? fallback : parse(value);
}

function positive(flag: string, value: string): number {
  const number = numberFlag(flag, value);
  if (number === 0) throw new UsageError(`${flag} must be > 0; got ${value}`);
  return number;
}

/** Two comma-separated numbers MIN,MAX with MIN < MAX. */
function rangeFlag(flag: string, value: string): readonly [number, number] {
  const parts = value.split(",");
  if (parts.length !== 2) {
    throw new UsageError(`${flag} ${JSON.stringify(value)} must be two numbers MIN,MAX`);
  }
  const [a, b] = parts.map((p) => numberFlag(flag, p.trim(), { min: -Infinity }));
  if (!(a < b))
    throw new UsageError(`${flag} ${JSON.stringify(value)} must be MIN,MAX with MIN < MAX`);
  return [a, b];
}
