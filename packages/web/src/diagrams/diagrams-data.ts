/**
 * The data of the diagrams page (`nettopo plot DIAGRAM... --out view.html`):
 * the diagram files as plain JSON, written into the page by the CLI. A file
 * is either one diagram (`nettopo ph`'s JSON, Ripser's text, an .npy/.csv
 * array of pairs) or the bootstrap of `nettopo neurons` (one diagram per
 * repeat, with the repeats' features and the summary the command computed).
 */
export interface DiagramsData {
  /** The page's title. */
  readonly title: string;
  /** When the files were read (ISO 8601). */
  readonly generated: string;
  /** The dimensions shown first (all when empty). */
  readonly dims: readonly number[];
  readonly files: readonly DiagramFileData[];
}

/** The pairs of one homological dimension, as `nettopo ph` writes them (`null` death: essential). */
export interface DimensionPairsJSON {
  readonly dim: number;
  readonly pairs: readonly (readonly [number, number | null])[];
}

/** One diagram of a file: the file's only one, or a bootstrap repeat. */
export interface DiagramRepeatData {
  readonly diagrams: readonly DimensionPairsJSON[];
  /** The repeat's features by name (`h1.count`, ...; `null` for a non-finite value); neurons files only. */
  readonly features?: Readonly<Record<string, number | null>>;
}

/** A Betti curve band of a `nettopo neurons` summary: every repeat's curve on one grid, their mean and band. */
export interface BettiBandJSON {
  readonly dim: number;
  readonly grid: readonly number[];
  readonly mean: readonly number[];
  /** The confidence band's edges; null when there are too few repeats for one. */
  readonly lower: readonly number[] | null;
  readonly upper: readonly number[] | null;
  /** Each repeat's curve on `grid`, in repeat order. */
  readonly curves: readonly (readonly number[])[];
}

/** The spread of one feature over the repeats of a `nettopo neurons` file (`null`: not finite). */
export interface FeatureSpreadJSON {
  readonly mean: number | null;
  readonly std: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** One file given to `nettopo plot`. */
export interface DiagramFileData {
  /** Its label (the file's base name, or `--labels`). */
  readonly label: string;
  /** The path as given on the command line. */
  readonly path: string;
  /** `diagram`: one diagram; `neurons`: a `nettopo neurons` bootstrap. */
  readonly kind: "diagram" | "neurons";
  /** At least one; exactly one for a `diagram` file. */
  readonly repeats: readonly DiagramRepeatData[];
  /** A neurons file's summary: feature spreads and Betti curve bands. */
  readonly summary?: {
    readonly features: Readonly<Record<string, FeatureSpreadJSON>>;
    readonly bettiCurves: readonly BettiBandJSON[];
  };
  /** What a neurons file says about how it was made (data, parameters), to show as it is. */
  readonly about?: Readonly<Record<string, unknown>>;
}
