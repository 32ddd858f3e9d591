import { describe } from "../metric/validate.js";
import { type PlotOptions, resolvePlotOptions } from "./plot-options.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega-lite-spec.js";

/**
 * A persistence image to plot: `width` columns along birth (column 0 at
 * `birthRange[0]`) and `height` rows along persistence = death - birth,
 * row-major in `values` (`values[row * width + column]`). Which row is the
 * lowest persistence is stated by the plot's `firstRow` option.
 */
export interface PersistenceImagePlotInput {
  readonly width: number;
  readonly height: number;
  readonly values: Float64Array;
  /** `[min, max]` birth covered by the columns; min < max. */
  readonly birthRange: readonly [number, number];
  /** `[min, max]` persistence covered by the rows; min < max. */
  readonly persistenceRange: readonly [number, number];
}

/** Options of {@link persistenceImageSpec}. */
export interface PersistenceImageSpecOptions extends PlotOptions {
  /** The title; default "Persistence image" (`""` for none). */
  readonly title?: string;
  /** Width of the plotting area in pixels; default 320. */
  readonly width?: number;
  /** Height of the plotting area in pixels; default 320. */
  readonly height?: number;
  /**
   * What row 0 of `values` holds: "lowest-persistence" (row 0 at the bottom
   * of the picture, as a graph's y axis grows upwards) or
   * "highest-persistence" (row 0 at the top, as in a raster image); default
   * "lowest-persistence".
   */
  readonly firstRow?: "lowest-persistence" | "highest-persistence";
  /** Title of the colour legend; default "Intensity". */
  readonly valueTitle?: string;
}

/**
 * A Vega-Lite spec of a persistence image: a heatmap over birth (x, "Birth")
 * and persistence (y, "Persistence"), one cell per pixel coloured by its value
 * on the viridis scale (perceptually uniform, readable with colour-blindness)
 * with a colour legend. A tooltip gives each cell's centre and value.
 *
 * The data are inline and compact: one row `{column, row, value}` per pixel
 * (`row` counted from the lowest persistence whatever `firstRow` says), the
 * cells' edges being computed from the ranges in the spec's transforms.
 *
 * @param image - {@link PersistenceImagePlotInput}.
 * @param options - {@link PersistenceImageSpecOptions}: title ("Persistence
 *   image"), width (320), height (320), firstRow ("lowest-persistence"),
 *   valueTitle ("Intensity").
 * @returns A plain-JSON Vega-Lite spec ({@link VegaLiteSpec}).
 * @throws TypeError for a wrong kind of input or option; RangeError for sizes
 *   that are not positive integers, `values` of the wrong length or with a
 *   non-finite value, or an empty range.
 * @example
 * ```ts
 * const image = {
 *   width: 2, height: 2, values: new Float64Array([0, 1, 2, 3]),
 *   birthRange: [0, 1], persistenceRange: [0, 1],
 * } as const;
 * const spec = persistenceImageSpec(image, { firstRow: "lowest-persistence" });
 * ```
 * @see H. Adams et al., "Persistence images: a stable vector representation of
 *   persistent homology", JMLR 18 (2017).
 */
export function persistenceImageSpec(
  image: PersistenceImagePlotInput,
  options?: PersistenceImageSpecOptions,
): VegaLiteSpec {
  const caller = "persistenceImageSpec";
  const { options: checked, plot } = resolvePlotOptions(caller, options, {
    title: "Persistence image",
    width: 320,
    height: 320,
  });
  const firstRow = checked.firstRow ?? "lowest-persistence";
  if (firstRow !== "lowest-persistence" && firstRow !== "highest-persistence") {
    throw new RangeError(
      `${caller}: options.firstRow must be "lowest-persistence" or "highest-persistence"; got ${describe(firstRow)}`,
    );
  }
  const valueTitle = checked.valueTitle ?? "Intensity";
  if (typeof valueTitle !== "string") {
    throw new TypeError(
      `${caller}: options.valueTitle must be a string; got ${describe(valueTitle)}`,
    );
  }
  if (typeof image !== "object" || image === null) {
    throw new TypeError(
      `${caller}: image must be {width, height, values, birthRange, persistenceRange}; got ${describe(image)}`,
    );
  }
  const columns = requireCount(caller, "width", image.width);
  const rowCount = requireCount(caller, "height", image.height);
  const { values } = image;
  if (!(values instanceof Float64Array)) {
    throw new TypeError(`${caller}: image.values must be a Float64Array; got ${describe(values)}`);
  }
  if (values.length !== columns * rowCount) {
    throw new RangeError(
      `${caller}: image.values has ${values.length} values but width * height = ${columns * rowCount}`,
    );
  }
  const [birthMin, birthMax] = requireRange(caller, "birthRange", image.birthRange);
  const [persistenceMin, persistenceMax] = requireRange(
    caller,
    "persistenceRange",
    image.persistenceRange,
  );

  const rows: { column: number; row: number; value: number }[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const fromBottom = firstRow === "lowest-persistence" ? r : rowCount - 1 - r;
    for (let c = 0; c < columns; c += 1) {
      const value = values[r * columns + c]!;
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `${caller}: image.values[${r * columns + c}] (row ${r}, column ${c}) must be finite; got ${describe(value)}`,
        );
      }
      rows.push({ column: c, row: fromBottom, value });
    }
  }

  const birthStep = (birthMax - birthMin) / columns;
  const persistenceStep = (persistenceMax - persistenceMin) / rowCount;
  const color = {
    field: "value",
    type: "quantitative",
    scale: { scheme: "viridis" },
    legend: { title: valueTitle === "" ? null : valueTitle },
  };
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE_SCHEMA,
    description: `Persistence image of ${columns} by ${rowCount} pixels, birth ${birthMin} to ${birthMax}, persistence ${persistenceMin} to ${persistenceMax}`,
    width: plot.width,
    height: plot.height,
    data: { values: rows },
    transform: [
      { calculate: `${birthMin} + datum.column * ${birthStep}`, as: "birthStart" },
      { calculate: `${birthMin} + (datum.column + 1) * ${birthStep}`, as: "birthEnd" },
      { calculate: `${persistenceMin} + datum.row * ${persistenceStep}`, as: "persistenceStart" },
      {
        calculate: `${persistenceMin} + (datum.row + 1) * ${persistenceStep}`,
        as: "persistenceEnd",
      },
      { calculate: "(datum.birthStart + datum.birthEnd) / 2", as: "birth" },
      { calculate: "(datum.persistenceStart + datum.persistenceEnd) / 2", as: "persistence" },
    ],
    mark: { type: "rect", aria: false },
    encoding: {
      x: {
        field: "birthStart",
        type: "quantitative",
        scale: { domain: [birthMin, birthMax], nice: false, zero: false },
        axis: { title: "Birth" },
      },
      x2: { field: "birthEnd" },
      y: {
        field: "persistenceStart",
        type: "quantitative",
        scale: { domain: [persistenceMin, persistenceMax], nice: false, zero: false },
        axis: { title: "Persistence" },
      },
      y2: { field: "persistenceEnd" },
      color,
      tooltip: [
        { field: "birth", type: "quantitative", title: "Birth", format: ".4~g" },
        { field: "persistence", type: "quantitative", title: "Persistence", format: ".4~g" },
        {
          field: "value",
          type: "quantitative",
          title: valueTitle === "" ? "Value" : valueTitle,
          format: ".6~g",
        },
      ],
    },
  };
  if (plot.title !== "") spec.title = plot.title;
  return spec;
}

function requireCount(caller: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: image.${name} must be a number; got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `${caller}: image.${name} must be an integer >= 1; got ${describe(value)}`,
    );
  }
  return value;
}

function requireRange(caller: string, name: string, value: unknown): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(`${caller}: image.${name} must be [min, max]; got ${describe(value)}`);
  }
  const [min, max] = value as unknown[];
  if (typeof min !== "number" || typeof max !== "number") {
    throw new TypeError(
      `${caller}: image.${name} must hold two numbers; got ${describe(min)} and ${describe(max)}`,
    );
  }
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw new RangeError(
      `${caller}: image.${name} must be finite with min < max; got [${min}, ${max}]`,
    );
  }
  return [min, max];
}
