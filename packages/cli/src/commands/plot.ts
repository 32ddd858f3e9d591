import { basename, extname } from "node:path";
import { integerFlag, integerPairFlag, numberFlag, oneOf, parseCommandArgs } from "../flags.js";
import { DIAGRAM_FORMATS, readDiagramFile } from "../readers/diagram-file.js";
import { readNeuronsFile } from "../readers/neurons-file.js";
import { renderPng } from "../render/render-png.js";
import { renderSvg } from "../render/render-svg.js";
import { UsageError } from "../usage-error.js";
import { writeOutput } from "../write-output.js";
import { diagramsPage } from "./diagrams-page.js";
import { PLOT_KINDS, plotSpec } from "./plot-job.js";

/** The help text of `nettopo plot`. */
export const PLOT_USAGE = `Usage: nettopo plot [options] DIAGRAM... --out FILE.svg|FILE.png|FILE.html

Draws persistence diagrams as SVG or PNG (chosen by the extension of --out),
or writes the Vega-Lite spec with --out FILE.json.

With --out FILE.html it writes one self-contained interactive page (it opens
offline from disk): the persistence diagram, barcode and Betti curves of
every file, a summary per dimension, a choice of dimensions and files, and
PNG/SVG export of each chart. A 'nettopo neurons' JSON shows any bootstrap
repeat or all of them overlaid, the mean Betti curves with their confidence
band, and the features of the repeats (mean ± std). The page takes --dim
(the dimensions shown first), --labels, --title and --diagram-format.

Diagrams: the JSON of 'nettopo ph', Ripser's text output, or .npy/.csv arrays
of (birth, death) rows (inf for an essential class); for .html also the JSON
of 'nettopo neurons'.

Options:
  --kind KIND        diagram (default; several files are overlaid), barcode,
                     betti (Betti curves), landscape, silhouette, image
                     (persistence image)
  --out FILE         the picture to write (.svg, .png, .json or .html), required
  --dim LIST         dimensions to draw, e.g. 1 or 0,1 (default: all; curves
                     of several diagrams, landscapes and images need one)
  --labels LIST      comma-separated legend labels of the diagrams (default:
                     the file names)
  --average          betti, landscape: the mean over the diagrams with a
                     multiplier-bootstrap confidence band (Chazal et al. 2015)
  --confidence C     confidence of the band (default 0.95)
  --seed S           seed of the bootstrap (default 0)
  --resolution N     samples of the curves (default 200)
  --layers K         landscape layers (default 3)
  --power P          silhouette weight lifetime^P (default 1)
  --image-size W,H   persistence image resolution (default 40,40)
  --bandwidth S      persistence image bandwidth (default: a tenth of the
                     largest lifetime)
  --title T          the title (default: one naming the kind)
  --width W          plot width in pixels (default depends on the kind)
  --height H         plot height in pixels
  --scale S          PNG pixels per SVG pixel (default 2)
  --diagram-format F json, ripser, npy or csv (default: guessed)
  -h, --help         show this help

Exit status: 0 done, 1 bad input data, 2 bad usage.
`;

const OPTIONS = {
  kind: { type: "string" },
  out: { type: "string" },
  dim: { type: "string" },
  labels: { type: "string" },
  average: { type: "boolean" },
  confidence: { type: "string" },
  seed: { type: "string" },
  resolution: { type: "string" },
  layers: { type: "string" },
  power: { type: "string" },
  "image-size": { type: "string" },
  bandwidth: { type: "string" },
  title: { type: "string" },
  width: { type: "string" },
  height: { type: "string" },
  scale: { type: "string" },
  "diagram-format": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const OUTPUTS = [".svg", ".png", ".json", ".html"] as const;

/** The flags of a static picture, which the interactive page (it draws every kind) does not take. */
const PICTURE_ONLY = [
  "kind",
  "average",
  "confidence",
  "seed",
  "resolution",
  "layers",
  "power",
  "image-size",
  "bandwidth",
  "width",
  "height",
  "scale",
] as const;

/**
 * Runs `nettopo plot`.
 * @returns The exit code.
 * @throws UsageError, TypeError / RangeError (bad data) and IoError, for the
 *   caller to report in one line.
 */
export async function runPlot(args: readonly string[]): Promise<number> {
  const { values: v, positionals } = parseCommandArgs("plot", args, OPTIONS);
  if (v.help) {
    process.stdout.write(PLOT_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    throw new UsageError("plot needs at least one DIAGRAM file; run 'nettopo plot --help'");
  }
  if (v.out === undefined || v.out === "") {
    throw new UsageError("plot needs --out FILE.svg, FILE.png, FILE.json or FILE.html");
  }
  const output = oneOf("the extension of --out", extname(v.out).toLowerCase(), OUTPUTS);
  const dims = v.dim?.split(",").map((d) => integerFlag("--dim", d.trim()));
  const labels = v.labels?.split(",") ?? positionals.map((p) => basename(p));
  if (labels.length !== positionals.length) {
    throw new UsageError(`--labels has ${labels.length} labels for ${positionals.length} diagrams`);
  }
  const format = oneOf("--diagram-format", v["diagram-format"], DIAGRAM_FORMATS);
  if (output === ".html") {
    const extra = PICTURE_ONLY.find((flag) => v[flag] !== undefined);
    if (extra !== undefined) {
      throw new UsageError(`--${extra} does not apply to an HTML page (it draws every kind)`);
    }
    const inputs = positionals.map((path, k) => ({
      path,
      // "-" names standard input on the command line, not on a page.
      label: path === "-" && v.labels === undefined ? "standard input" : labels[k],
    }));
    await writeOutput(await diagramsPage({ inputs, dims, title: v.title, format }), v.out);
    return 0;
  }
  for (const path of positionals) {
    if (path !== "-" && format === undefined && readNeuronsFile(path, path) !== null) {
      throw new UsageError(
        `${path} is a nettopo neurons bootstrap (several diagrams): draw it with --out FILE.html`,
      );
    }
  }
  const arrayDim = dims?.length === 1 ? dims[0] : undefined;
  const inputs = positionals.map((path, k) => ({
    label: labels[k],
    diagram: readDiagramFile(path, { format, arrayDim }),
  }));
  const confidence = v.confidence === undefined ? 0.95 : numberFlag("--confidence", v.confidence);
  if (!(confidence > 0 && confidence < 1)) {
    throw new UsageError(`--confidence must lie in (0, 1); got ${v.confidence}`);
  }
  const spec = plotSpec(inputs, {
    kind: oneOf("--kind", v.kind, PLOT_KINDS) ?? "diagram",
    dims,
    title: v.title,
    width: v.width === undefined ? undefined : integerFlag("--width", v.width, 1),
    height: v.height === undefined ? undefined : integerFlag("--height", v.height, 1),
    resolution: v.resolution === undefined ? 200 : integerFlag("--resolution", v.resolution, 2),
    layers: v.layers === undefined ? 3 : integerFlag("--layers", v.layers, 1),
    power: v.power === undefined ? 1 : numberFlag("--power", v.power),
    imageSize:
      v["image-size"] === undefined ? [40, 40] : integerPairFlag("--image-size", v["image-size"]),
    bandwidth: v.bandwidth === undefined ? undefined : numberFlag("--bandwidth", v.bandwidth),
    average: v.average === true,
    confidence,
    seed: v.seed === undefined ? 0 : integerFlag("--seed", v.seed),
  });
  const scale = v.scale === undefined ? 2 : numberFlag("--scale", v.scale);
  const onWarning = (message: string) =>
    process.stderr.write(`nettopo plot: warning: ${message}\n`);
  const data =
    output === ".json"
      ? `${JSON.stringify(spec, null, 1)}\n`
      : output === ".svg"
        ? await renderSvg(spec, { onWarning })
        : await renderPng(spec, { scale, onWarning });
  await writeOutput(data, v.out);
  return 0;
}
