import {
  bottleneckDistance,
  bottleneckMatching,
  type DistanceWithMatching,
  slicedWassersteinDistance,
  wassersteinDistance,
  wassersteinMatching,
} from "@nettopo/core";
import { integerFlag, numberFlag, oneOf, parseCommandArgs } from "../flags.js";
import { DIAGRAM_FORMATS } from "../readers/diagram-file.js";
import { UsageError } from "../usage-error.js";
import { readDiagramsForDim } from "./diagram-inputs.js";

/** The help text of `nettopo distance`. */
export const DISTANCE_USAGE = `Usage: nettopo distance [options] A B

The distance between the persistence diagrams in files A and B in one
homological dimension, printed as one number on stdout (inf when the numbers
of essential classes differ: those are matched only with each other).

Diagrams: the JSON of 'nettopo ph', Ripser's text output, or .npy/.csv arrays
of (birth, death) rows (inf for an essential class).

Options:
  --dim K              the dimension to compare (needed when a diagram holds
                       several; an array file's pairs are taken as dim K,
                       default 0)
  --metric NAME        bottleneck (default; exact), wasserstein, sliced
  --order P            Wasserstein order p >= 1 (default 1)
  --internal-p Q       ground norm L_q between points, q in [1, inf]
                       (default inf), for wasserstein
  --relative-error E   wasserstein by auction, certified within a factor
                       1 + E of the exact value (default 0: exact)
  --directions N       sliced: number of directions (default 10, as GUDHI)
  --matching           print JSON {"distance": d, "matching": [[i, j], ...]}
                       instead: pair i of A matched with pair j of B, -1 for
                       the diagonal (bottleneck and wasserstein)
  --diagram-format F   json, ripser, npy or csv (default: guessed from the
                       name and content)
  -h, --help           show this help

Exit status: 0 done, 1 bad input data, 2 bad usage.
`;

const OPTIONS = {
  dim: { type: "string" },
  metric: { type: "string" },
  order: { type: "string" },
  "internal-p": { type: "string" },
  "relative-error": { type: "string" },
  directions: { type: "string" },
  matching: { type: "boolean" },
  "diagram-format": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const METRICS = ["bottleneck", "wasserstein", "sliced"] as const;

/**
 * Runs `nettopo distance`.
 * @returns The exit code.
 * @throws UsageError, TypeError / RangeError (bad data) and IoError, for the
 *   caller to report in one line.
 */
export async function runDistance(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("distance", args, OPTIONS);
  if (values.help) {
    process.stdout.write(DISTANCE_USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError(
      `distance takes two diagram files A B; got ${positionals.length}; run 'nettopo distance --help' for usage`,
    );
  }
  const metric = oneOf("--metric", values.metric, METRICS) ?? "bottleneck";
  const wassersteinOnly = ["order", "internal-p", "relative-error"] as const;
  for (const flag of wassersteinOnly) {
    if (values[flag] !== undefined && metric !== "wasserstein") {
      throw new UsageError(`--${flag} applies to --metric wasserstein; got --metric ${metric}`);
    }
  }
  if (values.directions !== undefined && metric !== "sliced") {
    throw new UsageError(`--directions applies to --metric sliced; got --metric ${metric}`);
  }
  if (values.matching && metric === "sliced") {
    throw new UsageError("--matching is not available for --metric sliced (it matches no pairs)");
  }
  const order = values.order === undefined ? 1 : numberFlag("--order", values.order, { min: 1 });
  const internalP =
    values["internal-p"] === undefined
      ? Number.POSITIVE_INFINITY
      : numberFlag("--internal-p", values["internal-p"], { min: 1, allowInfinity: true });
  const relativeError =
    values["relative-error"] === undefined
      ? 0
      : numberFlag("--relative-error", values["relative-error"]);
  const directions =
    values.directions === undefined ? 10 : integerFlag("--directions", values.directions, 1);
  const [a, b] = readDiagramsForDim(positionals, {
    dim: values.dim === undefined ? undefined : integerFlag("--dim", values.dim),
    format: oneOf("--diagram-format", values["diagram-format"], DIAGRAM_FORMATS),
  });

  const wassersteinOptions = { order, internalP, relativeError };
  if (values.matching) {
    const result: DistanceWithMatching =
      metric === "bottleneck"
        ? bottleneckMatching(a, b)
        : wassersteinMatching(a, b, wassersteinOptions);
    process.stdout.write(`${matchingJSON(result)}\n`);
    return 0;
  }
  const distance =
    metric === "bottleneck"
      ? bottleneckDistance(a, b)
      : metric === "wasserstein"
        ? wassersteinDistance(a, b, wassersteinOptions)
        : slicedWassersteinDistance(a, b, { directions });
  process.stdout.write(`${formatNumber(distance)}\n`);
  return 0;
}

/** The shortest text that reads back as the same double; `inf` for Infinity. */
function formatNumber(value: number): string {
  return value === Number.POSITIVE_INFINITY ? "inf" : String(value);
}

function matchingJSON({ distance, matching }: DistanceWithMatching): string {
  const pairs = Array.from(matching.a, (i, k) => `[${i},${matching.b[k]}]`);
  const value = distance === Number.POSITIVE_INFINITY ? "null" : String(distance);
  return `{"distance":${value},"matching":[${pairs.join(",")}]}`;
}
