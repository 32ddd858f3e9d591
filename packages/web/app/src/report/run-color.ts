import { PLOT_PALETTE } from "@nettopo/core";

/** The colour of run `index`: the same palette as the charts, so a swatch matches its lines. */
export function runColor(index: number): string {
  return PLOT_PALETTE[index % PLOT_PALETTE.length]!;
}
