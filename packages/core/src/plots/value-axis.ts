/**
 * The filtration-value axis shared by the persistence diagram and the barcode
 * (internal): a padded domain, round tick values, and, when there are
 * essential classes, the position drawn for death = Infinity a little past the
 * largest finite value, labelled "∞".
 */
export interface ValueAxis {
  /** The scale's domain: the values plus a margin on both sides. */
  readonly domain: readonly [number, number];
  /** Where death = Infinity is drawn, or null when there is no essential class. */
  readonly infinity: number | null;
  /** Round tick values inside the domain (without the ∞ position). */
  readonly ticks: readonly number[];
  /** The ticks of the axis that carries the ∞ label: `ticks` thinned near it, then the ∞ position. */
  readonly ticksWithInfinity: readonly number[];
  /** A Vega expression labelling the ∞ tick "∞" and the others as formatted. */
  readonly labelExpr: string;
  /** Axis properties that draw the ∞ label larger and leave out its grid line (empty without ∞). */
  readonly infinityLabelStyle: Record<string, unknown>;
}

/** Fraction of the span of the finite values left as a margin on each side. */
const MARGIN = 0.04;
/** Fraction of the span between the largest finite value and the ∞ position. */
const INFINITY_GAP = 0.1;

/**
 * Lays out a value axis for finite values in `[min, max]` (both finite, or
 * both NaN when there is no finite value) over `pixels` pixels.
 */
export function valueAxis(
  min: number,
  max: number,
  hasEssential: boolean,
  pixels: number,
): ValueAxis {
  if (Number.isNaN(min)) {
    min = 0;
    max = hasEssential ? 0 : 1;
  }
  // A single value gets a span of its magnitude (or 1 for zero or a subnormal). A span too
  // small against the magnitude (or subnormal) would give ticks that floating
  // point cannot tell apart: it is widened to a part in 1e9 of the magnitude,
  // and to 1e-300 at least.
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const span =
    max === min
      ? magnitude > 1e-300
        ? magnitude
        : 1
      : Math.max(max - min, 1e-9 * magnitude, 1e-300);
  const infinity = hasEssential ? max + INFINITY_GAP * span : null;
  const low = min - MARGIN * span;
  const top = (infinity ?? max) + MARGIN * span;
  const count = Math.max(2, Math.round(pixels / 60));
  const step = niceStep((top - low) / count);
  const ticks: number[] = [];
  const first = Math.ceil(low / step);
  const last = Math.floor(top / step);
  for (let k = first; k <= last && ticks.length < 100; k += 1) ticks.push(roundTick(k * step));
  if (infinity === null) {
    return {
      domain: [low, top],
      infinity,
      ticks,
      ticksWithInfinity: ticks,
      labelExpr: "datum.label",
      infinityLabelStyle: {},
    };
  }
  // Keep the ∞ label clear of the round ticks: drop those within half a step of it.
  const kept = ticks.filter((t) => t <= infinity - 0.5 * step);
  const threshold = ((kept.length > 0 ? kept[kept.length - 1]! : low) + infinity) / 2;
  return {
    domain: [low, top],
    infinity,
    ticks,
    ticksWithInfinity: [...kept, infinity],
    labelExpr: `datum.value > ${threshold} ? '∞' : datum.label`,
    infinityLabelStyle: {
      labelFontSize: { condition: { test: `datum.value > ${threshold}`, value: 14 }, value: 10 },
      gridOpacity: { condition: { test: `datum.value > ${threshold}`, value: 0 }, value: 1 },
    },
  };
}

/** The round step (1, 2 or 5 times a power of ten) closest to `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  if (ratio >= Math.sqrt(50)) return 10 * power;
  if (ratio >= Math.sqrt(10)) return 5 * power;
  if (ratio >= Math.sqrt(2)) return 2 * power;
  return power;
}

/** `k * step` without the binary noise of the product (0.30000000000000004 -> 0.3). */
function roundTick(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
