"""The NumPy side of bench/TfRnn.Bench's host-array cases, for a same-machine comparison.

Run with a Python that has numpy (Debian: apt-get install python3-numpy; /usr/bin/python3 bench/python/np_small_arrays.py).
"""
import statistics
import timeit

import numpy as np

VOCAB = 65
logits = np.random.randn(VOCAB)


def sample():
    e = np.exp(logits - np.max(logits))
    p = e / np.sum(e)
    np.random.choice(VOCAB, p=p)


param, grad, mem = np.random.randn(100, 100), np.random.randn(100, 100), np.zeros((100, 100))


def adagrad():
    global mem, param
    mem = mem + grad * grad
    param = param + -0.1 * grad / np.sqrt(mem + 1e-8)


def adagrad_in_place():
    global mem, param
    mem += grad * grad
    param += -0.1 * grad / np.sqrt(mem + 1e-8)


for name, fn, n in [("numpy softmax + np.random.choice (65)", sample, 20000),
                    ("numpy adagrad update 100x100", adagrad, 2000),
                    ("numpy adagrad update 100x100 in place (+=)", adagrad_in_place, 2000)]:
    rounds = [timeit.timeit(fn, number=n) * 1e6 / n for _ in range(7)]
    print(f"{name:<45} {statistics.median(rounds):10.2f}")
