// Trains small example runs on ball4 with the neuron-topology monitor
// (`nettopo train --monitor neurons`): the report's test fixture and the
// runs of its screenshots.
//
// Run: node scripts/make-example-runs.mjs OUT_DIR [--epochs E] [--small]
//   --small: one tiny run, checkpoints and model removed (the committed
//   fixture fixtures/report-runs/mlp-16-16: node scripts/make-example-runs.mjs
//   fixtures/report-runs --small).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--epochs");
if (out === undefined) {
  console.error("usage: node scripts/make-example-runs.mjs OUT_DIR [--epochs E] [--small]");
  process.exit(2);
}
const small = args.includes("--small");
const epochsAt = args.indexOf("--epochs");
const epochs = epochsAt >= 0 ? Number(args[epochsAt + 1]) : small ? 5 : 16;

const runs = small
  ? [{ name: "mlp-16-16", arch: "4-16-16-2", count: 3000, bootstrap: 3, neurons: 24, samples: 150 }]
  : [
      {
        name: "mlp-32-32",
        arch: "4-32-32-2",
        count: 6000,
        bootstrap: 8,
        neurons: 48,
        samples: 500,
      },
      {
        name: "mlp-64-64",
        arch: "4-64-64-2",
        count: 6000,
        bootstrap: 8,
        neurons: 60,
        samples: 500,
      },
    ];

const bin = fileURLToPath(new URL("../packages/cli/bin/nettopo.js", import.meta.url));
for (const run of runs) {
  const directory = join(out, run.name);
  rmSync(directory, { recursive: true, force: true });
  const monitor = `neurons:neurons=${run.neurons},samples=${run.samples},bootstrap=${run.bootstrap},dim=1`;
  const trained = spawnSync(
    process.execPath,
    [bin, "train", "--arch", run.arch, "--dataset", "ball4", "--count", String(run.count)].concat([
      "--epochs",
      String(epochs),
      "--out",
      directory,
      "--monitor",
      monitor,
    ]),
    { stdio: "inherit" },
  );
  if (trained.status !== 0) process.exit(trained.status ?? 1);
  if (small) {
    rmSync(join(directory, "checkpoints"), { recursive: true, force: true });
    rmSync(join(directory, "model"), { recursive: true, force: true });
  }
}
