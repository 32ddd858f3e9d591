/**
 * The colours of the plots: the eight colours of Okabe and Ito's palette,
 * which people with the common forms of colour-blindness tell apart, ordered
 * so that the first ones stand out most on white (yellow, the faintest,
 * last). Homological dimension k is drawn in `PLOT_PALETTE[k % 8]` in every
 * plot, so H1 has the same colour in a diagram, a barcode and a curve.
 *
 * @example
 * ```ts
 * PLOT_PALETTE[1]; // "#D55E00", the colour of H1
 * ```
 * @see M. Okabe and K. Ito, "Color Universal Design (CUD): how to make figures
 *   and presentations that are friendly to colorblind people" (2008).
 */
export const PLOT_PALETTE: readonly string[] = Object.freeze([
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow
]);

/** The colour of homological dimension `dim` (internal). */
export function dimensionColor(dim: number): string {
  return PLOT_PALETTE[dim % PLOT_PALETTE.length]!;
}

/** The legend label of homological dimension `dim`: `"H0"`, `"H1"`, ... (internal). */
export function dimensionLabel(dim: number): string {
  return `H${dim}`;
}
