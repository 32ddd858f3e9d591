import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { MinKeyHeap } from "./min-key-heap.js";

test("MinKeyHeap pops its entries in increasing key order with their payloads", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { maxLength: 200 }),
      (operations) => {
        const heap = new MinKeyHeap(2);
        const reference: number[] = [];
        let next = 0;
        for (const [key, push] of operations) {
          if (push || reference.length === 0) {
            heap.push(key, next, 7 * next + 1);
            reference.push(key);
            next += 1;
          } else {
            reference.sort((p, q) => p - q);
            const smallest = reference.shift();
            assert.equal(heap.topKey(), smallest);
            assert.equal(heap.topSecond(), 7 * heap.topFirst() + 1);
            heap.pop();
          }
          assert.equal(heap.size, reference.length);
        }
      },
    ),
    { seed: 20240917, numRuns: 100 },
  );
});
