#!/usr/bin/python3
"""The Python side of `npm run bench:mapper` (see bench/README.md).

    mapper_reference.py --make-data OUT.npy LABELS.npy [--count N]
    mapper_reference.py ACTIVATIONS.npy INTERVALS OVERLAP EPS MIN_SAMPLES OUT.json

--make-data: the activations of a random ReLU network on Fashion-MNIST.
The inputs are Debian's Fashion-MNIST images (train then test, 70,000),
followed by their horizontal mirror images until N (default 100,000) inputs;
pixels scaled to [0, 1]. The network is 784 -> 512 -> 256 with ReLU after
each layer, He-initialised weights (numpy.random.default_rng(0)) and zero
biases, like an untrained PyTorch MLP; the 256 activations of the second
layer are written as float32 (N x 256), the class labels as int32.

Otherwise: Mapper as Python research code builds it, from issue 6's
definition: the L2-norm lens (numpy.linalg.norm), the uniform cover
(L = (M - m)/(1 + (N - 1)(1 - g)), interval i = [m + i L (1 - g),
m + i L (1 - g) + L], the last ending at M), scikit-learn's
DBSCAN(eps, min_samples) on each interval's points (algorithm "auto": brute
force for 256 dimensions, the fastest it offers there), a node per cluster,
and links between nodes that share points. Prints one JSON line
{"seconds": compute time from the activations in memory to the graph,
"lens": ..., "cluster": ..., "nerve": ...}; OUT.json gets the nodes (member
lists) and links for the comparison with nettopo.
"""

import gzip
import json
import sys
import time

import numpy as np


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * k: 8 + 4 * k], "big") for k in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def make_data(out, labels_out, count):
    root = "/usr/share/datasets/fashion-mnist/"
    images = np.concatenate([read_idx(root + "train-images-idx3-ubyte.gz"),
                             read_idx(root + "t10k-images-idx3-ubyte.gz")])
    labels = np.concatenate([read_idx(root + "train-labels-idx1-ubyte.gz"),
                             read_idx(root + "t10k-labels-idx1-ubyte.gz")])
    extra = count - len(images)
    if extra > 0:
        images = np.concatenate([images, images[:extra, :, ::-1]])
        labels = np.concatenate([labels, labels[:extra]])
    images = images[:count]
    labels = labels[:count]
    x = images.reshape(len(images), -1).astype(np.float32) / 255
    rng = np.random.default_rng(0)
    for fan_in, fan_out in [(784, 512), (512, 256)]:
        w = (rng.standard_normal((fan_in, fan_out)) * np.sqrt(2 / fan_in)).astype(np.float32)
        x = np.maximum(x @ w, 0)
    np.save(out, np.ascontiguousarray(x, dtype=np.float32))
    np.save(labels_out, labels.astype(np.int32))


def mapper(path, intervals, overlap, eps, min_samples, out):
    from sklearn.cluster import DBSCAN

    X = np.load(path)
    started = time.perf_counter()
    lens = np.linalg.norm(X, axis=1)
    m, M = float(lens.min()), float(lens.max())
    L = (M - m) / (1 + (intervals - 1) * (1 - overlap))
    lensed = time.perf_counter()
    nodes = []
    for i in range(intervals):
        lo = m + i * L * (1 - overlap)
        hi = lo + L if i < intervals - 1 else M
        members = np.nonzero((lens >= lo) & (lens <= hi))[0]
        if len(members) == 0:
            continue
        labels = DBSCAN(eps=eps, min_samples=min_samples).fit(X[members]).labels_
        for label in range(labels.max() + 1):
            nodes.append(members[labels == label])
    clustered = time.perf_counter()
    # Nerve: point -> nodes, then pairs of nodes sharing points.
    holder_nodes = np.concatenate([np.full(len(n), k) for k, n in enumerate(nodes)]) if nodes else np.zeros(0, int)
    holder_points = np.concatenate(nodes) if nodes else np.zeros(0, int)
    order = np.lexsort((holder_nodes, holder_points))
    holder_nodes, holder_points = holder_nodes[order], holder_points[order]
    links = {}
    start = 0
    while start < len(holder_points):
        end = start
        while end < len(holder_points) and holder_points[end] == holder_points[start]:
            end += 1
        held = holder_nodes[start:end]
        for a in range(len(held)):
            for b in range(a + 1, len(held)):
                key = (int(held[a]), int(held[b]))
                links[key] = links.get(key, 0) + 1
        start = end
    finished = time.perf_counter()
    print(json.dumps({
        "seconds": finished - started,
        "lens": lensed - started,
        "cluster": clustered - lensed,
        "nerve": finished - clustered,
        "nodes": len(nodes),
        "links": len(links),
    }))
    with open(out, "w") as f:
        json.dump({"nodes": [n.tolist() for n in nodes],
                   "links": [[a, b, w] for (a, b), w in sorted(links.items())]}, f)


if __name__ == "__main__":
    if sys.argv[1] == "--make-data":
        count = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--count" else 100000
        make_data(sys.argv[2], sys.argv[3], count)
    else:
        mapper(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]),
               int(sys.argv[5]), sys.argv[6])
