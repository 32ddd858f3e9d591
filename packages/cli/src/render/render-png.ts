import { createRequire } from "node:module";
import type { VegaLiteSpec } from "@nettopo/core";
import { Resvg } from "@resvg/resvg-js";
import { type RenderSvgOptions, renderSvg } from "./render-svg.js";

/** Options of {@link renderPng}. */
export interface RenderPngOptions extends RenderSvgOptions {
  /** Pixels per SVG unit: 2 gives a sharp picture on high-density screens; default 2. */
  readonly scale?: number;
}

/**
 * The fonts every PNG is drawn with: DejaVu Sans from the `dejavu-fonts-ttf`
 * npm package. System fonts are not loaded, so a picture is the same on every
 * machine, whatever fonts it has (or lacks: a bare container has none).
 */
const require = createRequire(import.meta.url);
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);
const FONT_FAMILY = "DejaVu Sans";

/**
 * Renders a Vega-Lite spec to a PNG image: {@link renderSvg}, then the SVG is
 * rasterised by resvg with the DejaVu Sans font shipped in an npm package
 * (every family the spec names, "sans-serif" included, falls back to it).
 *
 * @param spec - A Vega-Lite v5/v6 spec as plain JSON.
 * @param options - {@link RenderPngOptions}: scale (2), onWarning (stderr).
 * @returns The PNG file's bytes; the image is `scale` times the SVG's size.
 * @throws RangeError for a scale that is not a finite number > 0; what
 *   {@link renderSvg} throws.
 * @example
 * ```ts
 * await writeFile("diagram.png", await renderPng(persistenceDiagramSpec(diagram), { scale: 2 }));
 * ```
 */
export async function renderPng(
  spec: VegaLiteSpec,
  options: RenderPngOptions = {},
): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  if (typeof scale !== "number" || !(scale > 0 && scale < Number.POSITIVE_INFINITY)) {
    throw new RangeError(
      `renderPng: options.scale must be a finite number > 0; got ${String(scale)}`,
    );
  }
  const svg = await renderSvg(spec, options);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      monospaceFamily: FONT_FAMILY,
    },
    logLevel: "off",
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
