;; The candidate checks of radiusPairs (packages/core/src/mapper/radius-pairs.ts)
;; in WebAssembly SIMD: for a pair of k-d tree leaves, the pairs (a, b) whose
;; float32 lower bounds on the squared distance do not exceed `bound`. The
;; caller decides every surviving pair on the raw coordinates in float64, so
;; this kernel only needs bounds that never exceed the true squared distance
;; by more than the slack built into `bound`; except the pairs whose whole
;; float32 sum is <= `sure`, a bound below which the float64 decision is
;; certainly "within" (see simd-leaf-checker.ts).
;;
;; Memory, laid out by the caller (byte offsets in the globals below):
;;   columns:   (K + 1) columns of nPad float32, the embedded coordinates of the
;;              points in tree order, one coordinate per column (K projections,
;;              then the residual norm); nPad >= n + 4, so a 4-lane load that
;;              starts at a point of the leaf stays inside its column;
;;   points:    the same coordinates point by point, mPad float32 each (a
;;              multiple of 4, zero padded);
;;   residuals: one row of dPad float32 per point (tree order), the residual
;;              vector padded with zeros to a multiple of 16;
;;   out:       room for the pairs found, two int32 (a, b) each;
;;   scratch:   4 float32.
;; Built by scripts/build-wasm.mjs into radius-kernel-bytes.ts.
(module
  (memory (export "memory") 1)
  (global $columns (mut i32) (i32.const 0))
  (global $stride (mut i32) (i32.const 0))     ;; bytes between two columns: 4 * nPad
  (global $directions (mut i32) (i32.const 0)) ;; K
  (global $residuals (mut i32) (i32.const 0))
  (global $rowBytes (mut i32) (i32.const 0))   ;; 4 * dPad
  (global $out (mut i32) (i32.const 0))
  (global $scratch (mut i32) (i32.const 0))
  (global $bound (mut f32) (f32.const 0))
  (global $points (mut i32) (i32.const 0))
  (global $pointBytes (mut i32) (i32.const 0)) ;; 4 * mPad
  (global $sure (mut f32) (f32.const -1))

  (func (export "setup")
    (param $columns i32) (param $stride i32) (param $directions i32)
    (param $residuals i32) (param $rowBytes i32) (param $out i32)
    (param $scratch i32) (param $bound f32) (param $points i32) (param $pointBytes i32)
    (param $sure f32)
    (global.set $columns (local.get $columns))
    (global.set $stride (local.get $stride))
    (global.set $directions (local.get $directions))
    (global.set $residuals (local.get $residuals))
    (global.set $rowBytes (local.get $rowBytes))
    (global.set $out (local.get $out))
    (global.set $scratch (local.get $scratch))
    (global.set $bound (local.get $bound))
    (global.set $points (local.get $points))
    (global.set $pointBytes (local.get $pointBytes))
    (global.set $sure (local.get $sure)))

  ;; 0 when `start` (the squared distance of the projections) plus the squared
  ;; distance of the residual vectors of a and b exceeds bound (the sum is
  ;; tested every 16 coordinates and abandoned once above it: sums of squares
  ;; only grow, and so do their float32 roundings); else 2 when the sum is
  ;; <= sure, else 1.
  (func $residualWithin (param $a i32) (param $b i32) (param $sum f32) (result i32)
    (local $pa i32) (local $pb i32) (local $end i32) (local $acc v128) (local $d v128)
    (local.set $pa (i32.add (global.get $residuals) (i32.mul (local.get $a) (global.get $rowBytes))))
    (local.set $pb (i32.add (global.get $residuals) (i32.mul (local.get $b) (global.get $rowBytes))))
    (local.set $end (i32.add (local.get $pa) (global.get $rowBytes)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $pa) (local.get $end)))
        (local.set $d (f32x4.sub (v128.load (local.get $pa)) (v128.load (local.get $pb))))
        (local.set $acc (f32x4.mul (local.get $d) (local.get $d)))
        (local.set $d (f32x4.sub (v128.load offset=16 (local.get $pa)) (v128.load offset=16 (local.get $pb))))
        (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=32 (local.get $pa)) (v128.load offset=32 (local.get $pb))))
        (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=48 (local.get $pa)) (v128.load offset=48 (local.get $pb))))
        (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $sum
          (f32.add (local.get $sum)
            (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
              (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc))))))
        (if (f32.gt (local.get $sum) (global.get $bound)) (then (return (i32.const 0))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 64)))
        (local.set $pb (i32.add (local.get $pb) (i32.const 64)))
        (br $blocks)))
    ;; The whole sum: 2 when it is <= sure (the pair is certainly within the radius).
    (select (i32.const 2) (i32.const 1) (f32.le (local.get $sum) (global.get $sure))))

  ;; 1 when the embedded point a is farther than bound from the box at `box`
  ;; (mPad lower ends, then mPad upper ends, float32 rounded outwards, zero
  ;; padded like the points).
  (func $farFromBox (param $a i32) (param $box i32) (result i32)
    (local $p i32) (local $high i32) (local $end i32) (local $x v128) (local $g v128) (local $gap v128)
    (local.set $p (i32.add (global.get $points) (i32.mul (local.get $a) (global.get $pointBytes))))
    (local.set $high (i32.add (local.get $box) (global.get $pointBytes)))
    (local.set $end (local.get $high))
    ;; Four coordinates at a time: max(low - x, x - high, 0)^2 (pmax: a NaN only lowers the gap).
    (block $done
      (loop $coordinates
        (br_if $done (i32.ge_u (local.get $box) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $g
          (f32x4.pmax
            (f32x4.pmax (f32x4.sub (v128.load (local.get $box)) (local.get $x))
              (f32x4.sub (local.get $x) (v128.load (local.get $high))))
            (v128.const i32x4 0 0 0 0)))
        (local.set $gap (f32x4.add (local.get $gap) (f32x4.mul (local.get $g) (local.get $g))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $box (i32.add (local.get $box) (i32.const 16)))
        (local.set $high (i32.add (local.get $high) (i32.const 16)))
        (br $coordinates)))
    (f32.gt
      (f32.add
        (f32.add (f32x4.extract_lane 0 (local.get $gap)) (f32x4.extract_lane 1 (local.get $gap)))
        (f32.add (f32x4.extract_lane 2 (local.get $gap)) (f32x4.extract_lane 3 (local.get $gap))))
      (global.get $bound)))

  ;; The candidate pairs of the points [aStart, aEnd) and [bStart, bEnd) (the
  ;; same leaf when aStart = bStart: then only b > a), written to `out`;
  ;; returns how many. A point a far from the box of the leaf of b (at `box`)
  ;; has none. Four points b at a time: the squared distance of the embedded
  ;; coordinates, then the residual test for the lanes within bound.
  (func (export "leafPairs")
    (param $aStart i32) (param $aEnd i32) (param $bStart i32) (param $bEnd i32) (param $box i32)
    (result i32)
    (local $count i32) (local $a i32) (local $t i32) (local $c i32) (local $p i32) (local $q i32)
    (local $acc v128) (local $d v128) (local $mask i32) (local $lane i32) (local $b i32)
    (local $within i32)
    (local.set $a (local.get $aStart))
    (block $pointsDone
      (loop $points
        (br_if $pointsDone (i32.ge_u (local.get $a) (local.get $aEnd)))
        (block $skip
          (br_if $skip (call $farFromBox (local.get $a) (local.get $box)))
        (local.set $t
          (select (i32.add (local.get $a) (i32.const 1)) (local.get $bStart)
            (i32.eq (local.get $aStart) (local.get $bStart))))
        (block $chunksDone
          (loop $chunks
            (br_if $chunksDone (i32.ge_u (local.get $t) (local.get $bEnd)))
            ;; ||P a - P b||^2 for b = t..t+3 (float32, lane by lane).
            (local.set $acc (v128.const i32x4 0 0 0 0))
            (local.set $p (i32.add (global.get $columns) (i32.shl (local.get $t) (i32.const 2))))
            (local.set $q (i32.add (global.get $points) (i32.mul (local.get $a) (global.get $pointBytes))))
            (local.set $c (global.get $directions))
            (block $columnsDone
              (loop $columns
                (br_if $columnsDone (i32.eqz (local.get $c)))
                (local.set $d (f32x4.sub (v128.load (local.get $p)) (v128.load32_splat (local.get $q))))
                (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
                (local.set $p (i32.add (local.get $p) (global.get $stride)))
                (local.set $q (i32.add (local.get $q) (i32.const 4)))
                (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                (br $columns)))
            ;; Plus (||r_a|| - ||r_b||)^2: the lanes above bound are dropped (a NaN lane is kept).
            (local.set $d (f32x4.sub (v128.load (local.get $p)) (v128.load32_splat (local.get $q))))
            (local.set $mask
              (i32.xor (i32.const 15)
                (i32x4.bitmask
                  (f32x4.gt
                    (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d)))
                    (f32x4.splat (global.get $bound))))))
            ;; Lanes past bEnd are not candidates.
            (if (i32.lt_u (i32.sub (local.get $bEnd) (local.get $t)) (i32.const 4))
              (then
                (local.set $mask
                  (i32.and (local.get $mask)
                    (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $bEnd) (local.get $t)))
                      (i32.const 1))))))
            (if (local.get $mask)
              (then
                (v128.store (global.get $scratch) (local.get $acc))
                (block $lanesDone
                  (loop $lanes
                    (br_if $lanesDone (i32.eqz (local.get $mask)))
                    (local.set $lane (i32.ctz (local.get $mask)))
                    (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
                    (local.set $b (i32.add (local.get $t) (local.get $lane)))
                    (local.set $within
                      (call $residualWithin (local.get $a) (local.get $b)
                        (f32.load (i32.add (global.get $scratch) (i32.shl (local.get $lane) (i32.const 2))))))
                    (if (local.get $within)
                      (then
                        (i32.store
                          (i32.add (global.get $out) (i32.shl (local.get $count) (i32.const 3)))
                          (local.get $a))
                        ;; b, or -1 - b for a pair certainly within the radius.
                        (i32.store offset=4
                          (i32.add (global.get $out) (i32.shl (local.get $count) (i32.const 3)))
                          (select (i32.sub (i32.const -1) (local.get $b)) (local.get $b)
                            (i32.eq (local.get $within) (i32.const 2))))
                        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
                    (br $lanes)))))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $chunks))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $points)))
    (local.get $count))

;; ---- float64 linear algebra of the index (f64x2): rows of `rowBytes` bytes,
;; an even number of doubles (the caller pads with zeros). Their rounding only
;; moves the bounds by far less than their slack.

  ;; out[k K + c] = rows[k] . basis[c] for the n rows and the K basis rows.
  (func (export "project")
    (param $rows i32) (param $n i32) (param $rowBytes i32) (param $basis i32) (param $K i32) (param $out i32)
    (local $row i32) (local $rowEnd i32) (local $c i32) (local $p i32) (local $q i32)
    (local $acc0 v128) (local $acc1 v128)
    (local.set $row (local.get $rows))
    (local.set $rowEnd (i32.add (local.get $rows) (i32.mul (local.get $n) (local.get $rowBytes))))
    (block $rowsDone
      (loop $eachRow
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rowEnd)))
        (local.set $c (i32.const 0))
        (local.set $q (local.get $basis))
        (block $basisDone
          (loop $eachDirection
            (br_if $basisDone (i32.ge_u (local.get $c) (local.get $K)))
            (local.set $acc0 (v128.const i64x2 0 0))
            (local.set $acc1 (v128.const i64x2 0 0))
            (local.set $p (local.get $row))
            ;; Two accumulators, four doubles a step, then the last pair if any.
            (block $stepsDone
              (loop $steps
                (br_if $stepsDone
                  (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (i32.add (local.get $row) (local.get $rowBytes))))
                (local.set $acc0 (f64x2.add (local.get $acc0)
                  (f64x2.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
                (local.set $acc1 (f64x2.add (local.get $acc1)
                  (f64x2.mul (v128.load offset=16 (local.get $p)) (v128.load offset=16 (local.get $q)))))
                (local.set $p (i32.add (local.get $p) (i32.const 32)))
                (local.set $q (i32.add (local.get $q) (i32.const 32)))
                (br $steps)))
            (if (i32.lt_u (local.get $p) (i32.add (local.get $row) (local.get $rowBytes)))
              (then
                (local.set $acc0 (f64x2.add (local.get $acc0)
                  (f64x2.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
                (local.set $q (i32.add (local.get $q) (i32.const 16)))))
            (local.set $acc0 (f64x2.add (local.get $acc0) (local.get $acc1)))
            (f64.store (local.get $out)
              (f64.add (f64x2.extract_lane 0 (local.get $acc0)) (f64x2.extract_lane 1 (local.get $acc0))))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $eachDirection)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $eachRow))))

  ;; rows[k] -= sum_c projections[k K + c] basis[c]; norms[k] = ||rows[k]||^2 after.
  (func (export "subtract")
    (param $rows i32) (param $n i32) (param $rowBytes i32) (param $basis i32) (param $K i32)
    (param $projections i32) (param $norms i32)
    (local $row i32) (local $rowEnd i32) (local $c i32) (local $p i32) (local $q i32)
    (local $scale v128) (local $v v128) (local $acc v128)
    (local.set $row (local.get $rows))
    (local.set $rowEnd (i32.add (local.get $rows) (i32.mul (local.get $n) (local.get $rowBytes))))
    (block $rowsDone
      (loop $eachRow
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rowEnd)))
        (local.set $c (i32.const 0))
        (local.set $q (local.get $basis))
        (block $basisDone
          (loop $eachDirection
            (br_if $basisDone (i32.ge_u (local.get $c) (local.get $K)))
            (local.set $scale (v128.load64_splat (local.get $projections)))
            (local.set $projections (i32.add (local.get $projections) (i32.const 8)))
            (local.set $p (local.get $row))
            (block $stepsDone
              (loop $steps
                (br_if $stepsDone (i32.ge_u (local.get $p) (i32.add (local.get $row) (local.get $rowBytes))))
                (v128.store (local.get $p)
                  (f64x2.sub (v128.load (local.get $p)) (f64x2.mul (local.get $scale) (v128.load (local.get $q)))))
                (local.set $p (i32.add (local.get $p) (i32.const 16)))
                (local.set $q (i32.add (local.get $q) (i32.const 16)))
                (br $steps)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $eachDirection)))
        (local.set $acc (v128.const i64x2 0 0))
        (local.set $p (local.get $row))
        (block $normDone
          (loop $norm
            (br_if $normDone (i32.ge_u (local.get $p) (i32.add (local.get $row) (local.get $rowBytes))))
            (local.set $v (v128.load (local.get $p)))
            (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $v) (local.get $v))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br $norm)))
        (f64.store (local.get $norms)
          (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
        (local.set $norms (i32.add (local.get $norms) (i32.const 8)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $eachRow))))

  ;; next[c] += sum_k scores[k K + c] rows[k] (a step of subspace iteration).
  (func (export "accumulate")
    (param $rows i32) (param $n i32) (param $rowBytes i32) (param $scores i32) (param $K i32) (param $next i32)
    (local $row i32) (local $rowEnd i32) (local $c i32) (local $p i32) (local $q i32) (local $scale v128)
    (local.set $row (local.get $rows))
    (local.set $rowEnd (i32.add (local.get $rows) (i32.mul (local.get $n) (local.get $rowBytes))))
    (block $rowsDone
      (loop $eachRow
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rowEnd)))
        (local.set $c (i32.const 0))
        (local.set $q (local.get $next))
        (block $basisDone
          (loop $eachDirection
            (br_if $basisDone (i32.ge_u (local.get $c) (local.get $K)))
            (local.set $scale (v128.load64_splat (local.get $scores)))
            (local.set $scores (i32.add (local.get $scores) (i32.const 8)))
            (local.set $p (local.get $row))
            (block $stepsDone
              (loop $steps
                (br_if $stepsDone (i32.ge_u (local.get $p) (i32.add (local.get $row) (local.get $rowBytes))))
                (v128.store (local.get $q)
                  (f64x2.add (v128.load (local.get $q)) (f64x2.mul (local.get $scale) (v128.load (local.get $p)))))
                (local.set $p (i32.add (local.get $p) (i32.const 16)))
                (local.set $q (i32.add (local.get $q) (i32.const 16)))
                (br $steps)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $eachDirection)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $eachRow))))

  ;; Grows the memory to at least `bytes`; returns 0, or -1 when it cannot.
  (func (export "reserve") (param $bytes i32) (result i32)
    (local $pages i32)
    (local.set $pages
      (i32.sub
        (i32.shr_u (i32.add (local.get $bytes) (i32.const 65535)) (i32.const 16))
        (memory.size)))
    (if (i32.le_s (local.get $pages) (i32.const 0)) (then (return (i32.const 0))))
    (select (i32.const -1) (i32.const 0)
      (i32.eq (memory.grow (local.get $pages)) (i32.const -1)))))
