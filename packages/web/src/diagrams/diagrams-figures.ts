import {
  barcodeOf,
  barcodeSpec,
  bettiCurve,
  type CurveSeries,
  curvesSpec,
  fitBettiCurve,
  PLOT_PALETTE,
  persistenceDiagramSpec,
  type VegaLiteSpec,
} from "@nettopo/core";
import {
  type DiagramChoice,
  repeatName,
  type SelectedDiagram,
  selectedDiagrams,
  showsAllRepeats,
  unionDiagram,
} from "./diagram-selection.js";
import type { DiagramsData } from "./diagrams-data.js";

/**
 * The charts of the diagrams page as Vega-Lite specs, built with
 * @nettopo/core's spec builders from the files and the reader's
 * {@link DiagramChoice}. Isomorphic: the page draws them with vega, and a
 * test can check them in Node.
 */

/** Size of a chart's plotting area in pixels. */
export interface ChartSize {
  readonly width?: number;
  readonly height?: number;
}

/** Samples of a Betti curve computed in the page (a bootstrap file brings its own grid). */
const BETTI_RESOLUTION = 200;

/** The colour of a curve that gives context (a bootstrap mean behind one repeat). */
const CONTEXT_GREY = "#8c959f";

/**
 * The persistence diagram of a choice: one diagram; the pairs of all the
 * repeats of a bootstrap file in one picture; or, for all files, one point
 * shape per file. Colours are the dimensions', essential classes sit on the
 * ∞ line, and the tooltip gives birth, death and lifetime. Null when no
 * dimension is chosen.
 *
 * @param size - The plotting area; default core's (360 × 360).
 * @example
 * ```ts
 * const spec = diagramFigure(data, { file: 0, repeat: 0, dims: [0, 1] }, { width: 340, height: 340 });
 * // draw it with vega (the page) or the CLI's renderSvg
 * ```
 */
export function diagramFigure(
  data: DiagramsData,
  choice: DiagramChoice,
  size: ChartSize = {},
): VegaLiteSpec | null {
  if (choice.dims.length === 0) return null;
  const selected = selectedDiagrams(data, choice);
  const options = { dimensions: choice.dims, ...size };
  if (showsAllRepeats(data, choice)) {
    return persistenceDiagramSpec(unionDiagram(selected.map((s) => s.diagram)), {
      ...options,
      title: `Persistence diagram, all ${selected.length} repeats`,
    });
  }
  if (selected.length === 1) {
    return persistenceDiagramSpec(selected[0]!.diagram, {
      ...options,
      title: `Persistence diagram, ${selected[0]!.label}`,
    });
  }
  return persistenceDiagramSpec(
    selected.map(({ label, diagram }) => ({ label, diagram })),
    { ...options, title: "Persistence diagrams, overlaid" },
  );
}

/**
 * The barcode of the first diagram of a choice (a barcode shows one
 * diagram; the title names which). Null when no dimension is chosen.
 */
export function barcodeFigure(
  data: DiagramsData,
  choice: DiagramChoice,
  size: ChartSize = {},
): VegaLiteSpec | null {
  if (choice.dims.length === 0) return null;
  const first: SelectedDiagram = selectedDiagrams(data, choice)[0]!;
  const file = data.files[first.file]!;
  const name =
    file.repeats.length === 1
      ? first.label
      : showsAllRepeats(data, choice)
        ? repeatName(file, first.repeat)
        : `${file.label}, repeat ${first.repeat + 1}`;
  return barcodeSpec(first.diagram, {
    dimensions: choice.dims,
    title: `Barcode, ${name}`,
    ...size,
  });
}

/**
 * The Betti curve of dimension `dim` for a choice: the curve of one
 * diagram; for a bootstrap file, the mean of its repeats' curves with the
 * confidence band the file holds (and, for one repeat, that repeat's curve
 * over it); for all files, one curve per file on a common grid. A single
 * curve takes the dimension's colour. Null when the diagrams have no pair
 * in `dim`, or all its pairs are born at one value and never die.
 *
 * @param size - The plotting area; default core's curvesSpec (480 × 300).
 * @example
 * ```ts
 * bettiFigure(data, { file: 1, repeat: "all", dims: [1] }, 1); // the mean of the repeats with its band
 * ```
 */
export function bettiFigure(
  data: DiagramsData,
  choice: DiagramChoice,
  dim: number,
  size: ChartSize = {},
): VegaLiteSpec | null {
  const selected = selectedDiagrams(data, choice);
  const barcodes = selected.map((s) => barcodeOf(s.diagram, dim));
  const options = {
    title: `H${dim} Betti curve`,
    yTitle: `Betti number β${subscript(dim)}`,
    interpolate: "step-after" as const,
    ...size,
  };
  const dimColour = PLOT_PALETTE[dim % PLOT_PALETTE.length]!;
  const band =
    choice.file === "all"
      ? undefined
      : data.files[choice.file]?.summary?.bettiCurves.find((b) => b.dim === dim);
  // The file's band, even for a repeat without a pair in `dim`: its curve is 0 under the mean.
  if (band !== undefined && band.grid.length > 0) {
    const repeats = data.files[choice.file as number]!.repeats.length;
    const mean: CurveSeries = {
      label: `mean of ${repeats} repeats`,
      values: Float64Array.from(band.mean),
      ...(band.lower !== null && band.upper !== null
        ? {
            // A Betti number is >= 0: the band's lower edge is clipped there.
            lower: Float64Array.from(band.lower, (v) => Math.max(0, v)),
            upper: Float64Array.from(band.upper),
          }
        : {}),
    };
    const grid = Float64Array.from(band.grid);
    if (choice.repeat === "all") {
      return withColours(
        curvesSpec(
          { grid, series: [mean] },
          { ...options, title: `H${dim} Betti curves, mean and band` },
        ),
        [dimColour],
      );
    }
    const own = band.curves[choice.repeat];
    if (own !== undefined) {
      return withColours(
        curvesSpec(
          {
            grid,
            series: [
              { label: `repeat ${choice.repeat + 1}`, values: Float64Array.from(own) },
              mean,
            ],
          },
          options,
        ),
        [dimColour, CONTEXT_GREY],
      );
    }
  }
  if (barcodes.every((b) => b.births.length === 0)) return null;
  const settings = fitBettiCurve(barcodes, { resolution: BETTI_RESOLUTION });
  // Pairs all born at one value and never dying leave no range to draw a curve over.
  if (settings.sampleRange[0] === settings.sampleRange[1]) return null;
  const curves = barcodes.map((bars) => bettiCurve(bars, settings));
  const spec = curvesSpec(
    {
      grid: curves[0]!.grid,
      series: curves.map((c, k) => ({ label: selected[k]!.label, values: c.values })),
    },
    { ...options, ...(selected.length > 1 ? { seriesTitle: "Diagram" } : {}) },
  );
  return selected.length === 1 ? withColours(spec, [dimColour]) : spec;
}

/**
 * The spec with its series coloured `colours[k]` in order: curvesSpec
 * colours series by position, but a lone curve of H1 should wear H1's colour
 * as in the diagram and barcode.
 */
function withColours(spec: VegaLiteSpec, colours: readonly string[]): VegaLiteSpec {
  const layers = (spec as { layer?: { encoding?: { color?: { scale?: object } } }[] }).layer;
  for (const layer of layers ?? []) {
    const scale = layer.encoding?.color?.scale as { domain?: unknown[] } | undefined;
    if (scale?.domain !== undefined) {
      layer.encoding!.color!.scale = {
        domain: scale.domain,
        range: colours.slice(0, scale.domain.length),
      };
    }
  }
  return spec;
}

function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]!);
}
