// Ten lines of nettopo: the persistent homology of a noisy circle, and the
// neurons (points) that make up its loop. Run: node examples/circle-loop.mjs
import { gaussian, pointCloud, ripsPersistence, seededRandom } from "@nettopo/core";

const random = seededRandom(7);
const rows = Array.from({ length: 60 }, (_, i) => {
  const angle = (2 * Math.PI * i) / 60;
  return [Math.cos(angle) + 0.05 * gaussian(random), Math.sin(angle) + 0.05 * gaussian(random)];
});
const { dimensions } = ripsPersistence(pointCloud(rows), { maxDim: 1, cocycles: true });
const h1 = dimensions[1];
const longest = h1.deaths.reduce(
  (best, d, k) => (d - h1.births[k] > h1.deaths[best] - h1.births[best] ? k : best),
  0,
);
console.log(
  `H1: ${h1.births.length} bars; the loop lives from ${h1.births[longest].toFixed(3)} to ${h1.deaths[longest].toFixed(3)}`,
);
console.log(
  `its representative cocycle has ${h1.cocycles[longest].coefficients.length} edges, starting at ${h1.cocycles[longest].simplices.slice(0, 2).join("-")}`,
);
