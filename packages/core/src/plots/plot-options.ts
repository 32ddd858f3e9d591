import { describe, requireOptions } from "../metric/validate.js";

/** Options every plot builder takes. */
export interface PlotOptions {
  /** The title above the plot; `""` for none. Default: each builder's own. */
  readonly title?: string;
  /** Width of the plotting area in pixels (axes, legends and title lie outside it). Default: each builder's own. */
  readonly width?: number;
  /** Height of the plotting area in pixels. Default: each builder's own. */
  readonly height?: number;
}

/** The {@link PlotOptions} with their values settled. */
export interface ResolvedPlotOptions {
  readonly title: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Checks the options object of a plot builder and its {@link PlotOptions}
 * (internal): `title` a string, `width`/`height` finite numbers > 0.
 *
 * @param caller - The builder's name, for messages.
 * @param defaults - The builder's defaults.
 */
export function resolvePlotOptions<T extends PlotOptions>(
  caller: string,
  options: T | undefined,
  defaults: ResolvedPlotOptions,
): { readonly options: Partial<T>; readonly plot: ResolvedPlotOptions } {
  const checked = requireOptions(`${caller}: options`, options);
  const title = checked.title ?? defaults.title;
  if (typeof title !== "string") {
    throw new TypeError(`${caller}: options.title must be a string; got ${describe(title)}`);
  }
  return {
    options: checked,
    plot: {
      title,
      width: requireSize(caller, "width", checked.width, defaults.width),
      height: requireSize(caller, "height", checked.height, defaults.height),
    },
  };
}

function requireSize(caller: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: options.${name} must be a number; got ${describe(value)}`);
  }
  if (!(value > 0 && value < Number.POSITIVE_INFINITY)) {
    throw new RangeError(
      `${caller}: options.${name} must be a finite number of pixels > 0; got ${describe(value)}`,
    );
  }
  return value;
}
