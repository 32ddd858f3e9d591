import type { FeatureBand } from "../../../src/report/report-figures.js";

/** What the reader chose in the topology section. */
export interface Choice {
  run: number;
  snapshot: number;
  /** Whether the slider follows the newest snapshot (live runs). */
  followLatest: boolean;
  repeat: number;
  band: FeatureBand;
  extraFeature: string;
}

/** The reader's current choice; `run: -1` until the controls pick the first run with topology. */
export const choice: Choice = {
  run: -1,
  snapshot: 0,
  followLatest: true,
  repeat: 0,
  band: "std",
  extraFeature: "",
};
