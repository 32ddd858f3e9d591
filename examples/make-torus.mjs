// Writes examples/data/torus.csv: 300 points of a torus in R^3 (radii 2 and
// 0.8) on a jittered 30 x 10 grid of angles, seeded, so the quick start runs
// on the same data everywhere. Run: node examples/make-torus.mjs
import { writeFileSync } from "node:fs";
import { seededRandom } from "@nettopo/core";

const random = seededRandom(2);
const rows = ["x,y,z"];
for (let a = 0; a < 30; a++) {
  for (let b = 0; b < 10; b++) {
    const s = (2 * Math.PI * (a + 0.3 * random())) / 30;
    const t = (2 * Math.PI * (b + 0.3 * random())) / 10;
    const r = 2 + 0.8 * Math.cos(t);
    rows.push(
      [r * Math.cos(s), r * Math.sin(s), 0.8 * Math.sin(t)].map((x) => x.toFixed(5)).join(","),
    );
  }
}
writeFileSync(new URL("data/torus.csv", import.meta.url), `${rows.join("\n")}\n`);
