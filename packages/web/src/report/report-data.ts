/**
 * The data of the report page (`nettopo report`, `nettopo serve`): the
 * contents of each run directory, as plain JSON. `nettopo report` writes it
 * into the page; `nettopo serve` answers it at `GET /api/runs` and streams
 * new lines afterwards (see {@link ReportEvent}). The shapes follow the run
 * directory's files (packages/nn: `config.json`, `metrics.jsonl`,
 * `topology.jsonl`); only the fields the page uses are named here.
 */
export interface ReportData {
  /** The page's title. */
  readonly title: string;
  /** When the data were read (ISO 8601). */
  readonly generated: string;
  readonly runs: readonly ReportRun[];
}

/** One run directory. */
export interface ReportRun {
  /** A short unique name: the directory's base name (suffixed " (2)", ... when repeated). */
  readonly name: string;
  /** The directory as given on the command line. */
  readonly directory: string;
  /** Its `config.json`. */
  readonly config: RunConfigJSON;
  /** The lines of its `metrics.jsonl`, in order. */
  readonly records: readonly TrainingRecordJSON[];
  /** The lines of its `topology.jsonl`, or null when the run has no such file (no monitor). */
  readonly topology: readonly TopologySnapshotJSON[] | null;
}

/** The fields of a run's `config.json` (`nettopo train`) that the report shows. */
export interface RunConfigJSON {
  readonly format?: string;
  readonly created?: string;
  readonly arch?: string;
  readonly data?: {
    readonly dataset?: string;
    readonly train?: { readonly name?: string; readonly count?: number };
    readonly test?: { readonly name?: string; readonly count?: number };
  };
  readonly training?: {
    readonly epochs?: number;
    readonly batchSize?: number;
    readonly seed?: number;
    readonly loss?: string;
    readonly optimizer?: { readonly name?: string; readonly learningRate?: number };
  };
  readonly model?: { readonly activation?: string };
}

/** Loss and accuracy on one split. */
export interface MetricsJSON {
  readonly loss: number;
  readonly accuracy: number;
}

/** One line of `metrics.jsonl` (nn's `TrainingRecord`). */
export interface TrainingRecordJSON {
  readonly kind: "start" | "step" | "epoch";
  readonly epoch: number;
  readonly step: number;
  readonly train: MetricsJSON;
  readonly test: MetricsJSON;
  readonly gap: { readonly accuracy: number; readonly loss: number };
  readonly seconds?: number;
}

/** One line of `topology.jsonl` (nn's `TopologySnapshot`). */
export interface TopologySnapshotJSON {
  readonly kind: string;
  readonly epoch: number;
  readonly step: number;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly layers?: readonly {
    readonly name: string;
    readonly inputs: number;
    readonly neurons: number;
    readonly constantNeurons?: readonly number[];
  }[];
  readonly repeats: readonly {
    readonly repeat: number;
    readonly seed?: number;
    readonly diagrams: readonly {
      readonly dim: number;
      readonly pairs: readonly (readonly [number, number | null])[];
    }[];
    readonly features: Readonly<Record<string, number | null>>;
  }[];
  readonly summary: {
    readonly features: Readonly<
      Record<
        string,
        {
          readonly mean: number | null;
          readonly std: number | null;
          readonly min: number | null;
          readonly max: number | null;
        }
      >
    >;
    readonly bettiCurves: readonly {
      readonly dim: number;
      readonly grid: readonly number[];
      readonly mean: readonly number[];
      readonly lower: readonly number[] | null;
      readonly upper: readonly number[] | null;
    }[];
  };
  readonly seconds?: number;
}

/**
 * A server-sent event of `nettopo serve` (`GET /api/events`, event name =
 * `type`): a new complete line of a run's file (`line`: its index among the
 * file's lines, so a page that already has it skips it and one that missed
 * some fetches the runs again), or `reset` when a file shrank or was
 * replaced (a resumed run rewrote it) and the page should fetch the runs again.
 */
export type ReportEvent =
  | {
      readonly type: "record";
      readonly run: number;
      readonly line: number;
      readonly record: TrainingRecordJSON;
    }
  | {
      readonly type: "topology";
      readonly run: number;
      readonly line: number;
      readonly snapshot: TopologySnapshotJSON;
    }
  | { readonly type: "reset"; readonly run: number };
