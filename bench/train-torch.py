# The PyTorch side of bench/train.mjs: training steps per second of an MLP
# (or a small CNN) on random data, on the CPU with a given number of threads,
# doing per step what nettopo's trainModel does: gather a shuffled batch,
# forward, cross-entropy, backward, an optimizer step, and read the loss and
# the count of correct predictions. Prints one JSON line.
#
# usage: /usr/bin/python3 bench/train-torch.py SPEC BATCH OPTIMIZER STEPS ROUNDS THREADS
import json
import sys
import time

import torch

spec, batch, optimizer, steps, rounds, threads = sys.argv[1:7]
batch, steps, rounds, threads = int(batch), int(steps), int(rounds), int(threads)
torch.set_num_threads(threads)
torch.manual_seed(0)

tokens = spec.split("-")
if tokens[0].startswith("conv"):
    # conv8-pool-conv16-pool-fc64-10 on 28x28x1 inputs
    layers, channels, side = [], 1, 28
    flat = False
    for t in tokens[:-1]:
        if t.startswith("conv"):
            layers += [torch.nn.Conv2d(channels, int(t[4:]), 3, padding=1), torch.nn.ReLU()]
            channels = int(t[4:])
        elif t == "pool":
            layers.append(torch.nn.MaxPool2d(2))
            side //= 2
        else:
            if not flat:
                layers.append(torch.nn.Flatten())
                flat = True
                width = channels * side * side
            units = int(t[2:] if t.startswith("fc") else t)
            layers += [torch.nn.Linear(width, units), torch.nn.ReLU()]
            width = units
    layers.append(torch.nn.Linear(width, int(tokens[-1])))
    input_shape = (1, 28, 28)
else:
    sizes = [int(t) for t in tokens]
    layers = []
    for i in range(1, len(sizes)):
        layers.append(torch.nn.Linear(sizes[i - 1], sizes[i]))
        if i < len(sizes) - 1:
            layers.append(torch.nn.ReLU())
    input_shape = (sizes[0],)
classes = int(tokens[-1])
model = torch.nn.Sequential(*layers)
if optimizer == "adam":
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
else:
    opt = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)

n = batch * steps
x_all = torch.randn(n, *input_shape)
y_all = torch.randint(0, classes, (n,))


def epoch():
    order = torch.randperm(n)
    for s in range(steps):
        idx = order[s * batch : (s + 1) * batch]
        x, y = x_all[idx], y_all[idx]
        opt.zero_grad()
        out = model(x)
        loss = torch.nn.functional.cross_entropy(out, y)
        loss.backward()
        opt.step()
        loss.item()
        (out.argmax(1) == y).sum().item()


epoch()  # warm-up
rates = []
for _ in range(rounds):
    start = time.perf_counter()
    epoch()
    rates.append(steps / (time.perf_counter() - start))
print(json.dumps({"stepsPerSecond": rates, "torch": torch.__version__, "threads": torch.get_num_threads()}))
