#!/usr/bin/python3
"""The Python side of `npm run bench:neurons` (see bench/README.md).

    neurons_reference.py ACTIVATIONS.npz PLAN.json OUT.json
    neurons_reference.py --correlation ACTIVATIONS.npz

The bootstrapped neuron pipeline as Python research code runs it: for each
repeat of PLAN (its layers, its inputs and its neurons, the samples nettopo
drew), numpy.corrcoef of the sampled activations (float64; a constant
neuron, NaN in NumPy, set to correlation 0), 1 - |corr| rounded to float32,
written as a lower-distance text file and given to Debian's Ripser 1.2.1
(`ripser --dim K [--threshold T]`), its barcode lines parsed; then per
repeat the features (count, mean and std of births, deaths, lifetimes and
midlives, the 5 longest lifetimes, per dimension and pooled; persistent
entropy per dimension) and over the repeats the Betti curves on a grid
fitted across them, their mean and the multiplier-bootstrap band (1000
Gaussian repeats) -- what nettopo's bootstrapNeuronPersistence computes.

Prints one JSON line: {"seconds": compute time from activations in memory to
the summary, "corrcoef": seconds in corrcoef, "ripser": seconds in Ripser
(writing, running, parsing)}. OUT.json gets the diagrams.

With --correlation: times numpy.corrcoef + 1-|corr| (float32) of all the
neurons over all the inputs, best of 5, and prints {"seconds": ...}.
"""

import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

RIPSER = os.environ.get("NETTOPO_RIPSER", "/usr/bin/ripser")


def dissimilarity(x, metric):
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(x, rowvar=False)
    constant = np.ptp(x, axis=0) == 0
    corr[constant, :] = 0.0
    corr[:, constant] = 0.0
    np.fill_diagonal(corr, 1.0)
    corr = np.clip(corr, -1.0, 1.0)
    if metric == "1-|corr|":
        d = 1.0 - np.abs(corr)
    elif metric == "sqrt(1-|corr|)":
        d = np.sqrt(1.0 - np.abs(corr))
    else:
        d = 1.0 - corr
    return d.astype(np.float32)


def parse_ripser(stdout):
    dims = []
    for line in stdout.splitlines():
        m = re.match(r"persistence intervals in dim (\d+):", line)
        if m:
            dims.append([])
            continue
        m = re.match(r"^ \[([^,]+),([^)]*)\)$", line)
        if m:
            death = m.group(2).strip()
            dims[-1].append((float(m.group(1)), float(death) if death else math.inf))
    return dims


def ripser(d32, max_dim, threshold, path):
    # Lower-distance text (Ripser 1.2.1's binary reader trips on its last
    # value): each float32 as the shortest double that reads back to it.
    n = d32.shape[0]
    d64 = d32.astype(np.float64)
    with open(path, "w") as f:
        f.write("\n")
        f.write("".join(",".join(map(repr, d64[i, :i].tolist())) + ",\n" for i in range(1, n)))
    args = [RIPSER, "--dim", str(max_dim)]
    if threshold is not None:
        args += ["--threshold", repr(threshold)]
    out = subprocess.run(args + [path], capture_output=True, text=True, check=True).stdout
    dims = parse_ripser(out)
    while len(dims) < max_dim + 1:
        dims.append([])
    return dims


def statistics(pairs, top_k=5):
    finite = np.array([p for p in pairs if math.isfinite(p[1]) and p[1] > p[0]], dtype=float).reshape(-1, 2)
    b, d = finite[:, 0], finite[:, 1]
    life, mid = d - b, (b + d) / 2
    stats = [len(finite)]
    for v in (b, d, life, mid):
        stats += [v.mean() if len(v) else 0.0, v.std() if len(v) else 0.0]
    top = np.sort(life)[::-1][:top_k]
    stats += list(top) + [0.0] * (top_k - len(top))
    return stats


def entropy(pairs):
    life = np.array([d - b for b, d in pairs if math.isfinite(d) and d > b])
    if len(life) == 0:
        return 0.0
    p = life / life.sum()
    return float(-(p * np.log(p)).sum())


def features(dims):
    out = []
    for pairs in dims:
        out += statistics(pairs)
    out += statistics([p for pairs in dims for p in pairs])
    out += [entropy(pairs) for pairs in dims]
    return np.array(out)


def betti_band(barcodes, resolution=100, repeats=1000, confidence=0.95, seed=0):
    lo = min((b for bars in barcodes for b, _ in bars), default=0.0)
    hi = max((d if math.isfinite(d) else b for bars in barcodes for b, d in bars), default=1.0)
    if lo > hi:
        lo, hi = 0.0, 1.0
    grid = np.linspace(lo, hi, resolution + 2)[1:-1]
    curves = np.zeros((len(barcodes), resolution))
    for r, bars in enumerate(barcodes):
        for b, d in bars:
            curves[r] += (grid >= b) & (grid < d)
    mean = curves.mean(axis=0)
    n = len(barcodes)
    if n < 2:
        return grid, mean, None
    rng = np.random.default_rng(seed)
    xi = rng.standard_normal((repeats, n))
    theta = np.abs(xi @ (curves - mean)).max(axis=1) / math.sqrt(n)
    half = np.quantile(theta, confidence, method="inverted_cdf") / math.sqrt(n)
    return grid, mean, half


def main():
    if sys.argv[1] == "--correlation":
        acts = np.load(sys.argv[2])
        x = np.concatenate([acts[k] for k in acts.files], axis=1).astype(np.float64)
        best = math.inf
        for _ in range(5):
            t = time.perf_counter()
            dissimilarity(x, "1-|corr|")
            best = min(best, time.perf_counter() - t)
        print(json.dumps({"seconds": best, "neurons": x.shape[1], "inputs": x.shape[0]}))
        return
    acts = np.load(sys.argv[1])
    with open(sys.argv[2]) as f:
        plan = json.load(f)
    layers = [acts[name] for name in plan["layers"]]
    t0 = time.perf_counter()
    pooled = np.concatenate(layers, axis=1)  # the activations in memory, as nettopo gets them
    max_dim, threshold, metric = plan["maxDim"], plan["threshold"], plan["metric"]
    diagrams, feats = [], []
    t_corr = t_rips = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "d.txt")
        for repeat in plan["repeats"]:
            t = time.perf_counter()
            x = pooled[np.ix_(repeat["inputs"], repeat["neurons"])].astype(np.float64)
            d32 = dissimilarity(x, metric)
            t_corr += time.perf_counter() - t
            t = time.perf_counter()
            dims = ripser(d32, max_dim, threshold, path)
            t_rips += time.perf_counter() - t
            diagrams.append(dims)
            feats.append(features(dims))
    feats = np.array(feats)
    summary = (feats.mean(axis=0), feats.std(axis=0, ddof=1) if len(feats) > 1 else 0 * feats[0])
    bands = [betti_band([dims[k] for dims in diagrams]) for k in range(max_dim + 1)]
    seconds = time.perf_counter() - t0
    assert len(summary[0]) == feats.shape[1] and len(bands) == max_dim + 1
    with open(sys.argv[3], "w") as f:
        json.dump([[[[b, None if math.isinf(d) else d] for b, d in pairs] for pairs in dims] for dims in diagrams], f)
    print(json.dumps({"seconds": seconds, "corrcoef": t_corr, "ripser": t_rips}))


if __name__ == "__main__":
    main()
