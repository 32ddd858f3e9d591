import type { VegaLiteSpec } from "@nettopo/core";
import { type LoggerInterface, parse, View, Warn } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { offlineLoader } from "./offline-loader.js";

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /**
   * Called with each warning of vega-lite's compiler or vega's runtime (a
   * spec that asks for something they cannot do, e.g. a field missing from
   * the data); default: one line "renderSvg: warning: ..." on stderr.
   */
  readonly onWarning?: (message: string) => void;
}

/**
 * Renders a Vega-Lite spec (e.g. from `persistenceDiagramSpec`) to an SVG
 * document: compiles it with vega-lite, runs a headless vega View (renderer
 * "none") and serialises its scenegraph. Nothing is loaded from a URL or a
 * file: a spec whose data is not inline fails. The view is finalised before
 * returning, so no timer or listener keeps the process alive.
 *
 * Text widths are estimated (vega measures text with node-canvas, which
 * nettopo does not install): labels are placed well, but not to the pixel.
 *
 * @param spec - A Vega-Lite v5/v6 spec as plain JSON.
 * @param options - {@link RenderSvgOptions}: onWarning (a line on stderr).
 * @returns The SVG document as a string (`<svg ...>...</svg>`, no XML prolog).
 * @throws TypeError when `spec` is not an object; Error from vega-lite for an
 *   invalid spec; Error naming the URL for a spec that asks to load data;
 *   Error with the message of an error vega reports while running.
 * @example
 * ```ts
 * const svg = await renderSvg(persistenceDiagramSpec(ripsPersistence(cloud)));
 * ```
 */
export async function renderSvg(
  spec: VegaLiteSpec,
  options: RenderSvgOptions = {},
): Promise<string> {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new TypeError(`renderSvg: spec must be a Vega-Lite spec object; got ${typeof spec}`);
  }
  const onWarning =
    options.onWarning ??
    ((message: string) => process.stderr.write(`renderSvg: warning: ${message}\n`));
  const errors: string[] = [];
  const log = collectingLogger(onWarning, errors);
  const compiled = compile(spec as unknown as TopLevelSpec, { logger: log });
  const refused: string[] = [];
  const view = new View(parse(compiled.spec), {
    renderer: "none",
    loader: offlineLoader(refused),
    logger: log,
  });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) {
      throw new Error(
        `renderSvg: the spec asks to load ${JSON.stringify(refused[0])}; only inline data (data.values) is rendered`,
      );
    }
    if (errors.length > 0) throw new Error(`renderSvg: ${errors[0]}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * A vega logger that passes warnings to `onWarning` and collects errors
 * (vega reports some errors, such as a failed load, without throwing).
 */
function collectingLogger(onWarning: (message: string) => void, errors: string[]): LoggerInterface {
  let level = Warn;
  const text = (args: readonly unknown[]) =>
    args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
  const log: LoggerInterface = {
    level(value?: number) {
      if (value === undefined) return level as never;
      level = value;
      return log as never;
    },
    error(...args: readonly unknown[]) {
      errors.push(text(args));
      return log;
    },
    warn(...args: readonly unknown[]) {
      if (level >= Warn) onWarning(text(args));
      return log;
    },
    info() {
      return log;
    },
    debug() {
      return log;
    },
  };
  return log;
}
