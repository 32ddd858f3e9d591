import type { DiagramFileData, DiagramsData } from "../diagrams/diagrams-data.js";

/**
 * Small diagram files for the diagrams page's tests: a plain diagram (H0:
 * three pairs, one essential; H1: two pairs) and a bootstrap of three
 * repeats with features and a summary, as `nettopo neurons` writes them.
 */
export function plainFile(label = "a.json"): DiagramFileData {
  return {
    label,
    path: `/data/${label}`,
    kind: "diagram",
    repeats: [
      {
        diagrams: [
          {
            dim: 0,
            pairs: [
              [0, 0.5],
              [0, 1],
              [0, null],
            ],
          },
          {
            dim: 1,
            pairs: [
              [1, 3],
              [2, 2.5],
            ],
          },
        ],
      },
    ],
  };
}

/** A `nettopo neurons` file of three repeats with 1, 2 and 3 H1 pairs. */
export function bootstrapFile(label = "boot.json"): DiagramFileData {
  const h1 = [
    [[0.5, 0.6]],
    [
      [0.5, 0.7],
      [0.55, 0.6],
    ],
    [
      [0.4, 0.8],
      [0.5, 0.6],
      [0.6, 0.65],
    ],
  ] as const;
  return {
    label,
    path: `/data/${label}`,
    kind: "neurons",
    repeats: h1.map((pairs, r) => ({
      diagrams: [
        {
          dim: 0,
          pairs: [
            [0, 0.3],
            [0, null],
          ],
        },
        { dim: 1, pairs },
      ],
      features: {
        "h1.count": pairs.length,
        "h1.entropy": r === 0 ? null : 0.5 * r,
        "all.count": 2 + pairs.length,
      },
    })),
    summary: {
      features: {
        "h1.count": { mean: 2, std: 1, min: 1, max: 3 },
        "h1.entropy": { mean: 0.75, std: 0.35, min: 0.5, max: 1 },
        "all.count": { mean: 4, std: 1, min: 3, max: 5 },
      },
      bettiCurves: [
        {
          dim: 1,
          grid: [0.4, 0.5, 0.6, 0.7],
          mean: [1 / 3, 2, 1, 1 / 3],
          lower: [-0.5, 1, 0.5, 0],
          upper: [1, 3, 1.5, 1],
          curves: [
            [0, 1, 0, 0],
            [0, 1, 2, 0],
            [1, 3, 2, 1],
          ],
        },
      ],
    },
    about: { data: "ball4", parameters: { metric: "abs-correlation" } },
  };
}

/** The page data of some files. */
export function diagramsData(
  files: readonly DiagramFileData[],
  dims: readonly number[] = [],
): DiagramsData {
  return { title: "test", generated: "2026-01-01T00:00:00.000Z", dims, files };
}
