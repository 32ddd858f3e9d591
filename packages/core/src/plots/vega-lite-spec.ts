/**
 * A Vega-Lite specification (v6; the builders use only what v5 has too) as
 * plain JSON: numbers, strings, booleans, null, arrays and objects, with the
 * data inline (`data.values`), no data URLs and no functions. Typed loosely
 * so that core adds no dependency: a spec from a builder can be given to
 * vega-embed in a browser, compiled by `vega-lite` and rendered by `vega`
 * in Node (the CLI's `renderSvg`/`renderPng`), or written with
 * `JSON.stringify` as it is.
 *
 * @see https://vega.github.io/vega-lite/docs/spec.html
 */
export type VegaLiteSpec = Record<string, unknown>;

/** The `$schema` every builder writes. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
