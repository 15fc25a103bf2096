"""PyTorch baselines for bench/TfRnn.Bench's training-step cases (same models and sizes), on the same machine.

Run with Debian's PyTorch (apt-get install python3-torch): /usr/bin/python3 bench/python/torch_rnn_steps.py
"""
import os
import statistics
import time

import torch
import torch.nn as nn


def median_ms(step, iterations, rounds=7):
    step()
    results = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(iterations):
            step()
        results.append((time.perf_counter() - start) * 1000 / iterations)
    return statistics.median(results)


# Debian's build starts with one thread; libtorch under TorchSharp uses every core, so match it.
torch.set_num_threads(os.cpu_count())
torch.manual_seed(1)

# Practice 1: LSTM 128 over 28 steps of 28 pixels, batch 128, Adam.
lstm = nn.LSTM(28, 128, batch_first=True)
head = nn.Linear(128, 10)
params = list(lstm.parameters()) + list(head.parameters())
opt = torch.optim.Adam(params, lr=0.001)
x = torch.rand(128, 28, 28)
y = torch.randint(0, 10, (128,))


def mnist_step():
    opt.zero_grad()
    out, _ = lstm(x)
    loss = nn.functional.cross_entropy(head(out[:, -1]), y)
    loss.backward()
    opt.step()


# Practice 3: 2x128 LSTM char-rnn, batch 50 x 200 steps, vocab 105, clip 5, Adam.
V, H = 105, 128
emb = nn.Embedding(V, H)
rnn = nn.LSTM(H, H, num_layers=2, batch_first=True)
out_layer = nn.Linear(H, V)
cparams = list(emb.parameters()) + list(rnn.parameters()) + list(out_layer.parameters())
copt = torch.optim.Adam(cparams, lr=0.002)
ci = torch.randint(0, V, (50, 200))
ct = torch.randint(0, V, (50, 200))


def char_step():
    copt.zero_grad()
    out, _ = rnn(emb(ci))
    loss = nn.functional.cross_entropy(out_layer(out).reshape(-1, V), ct.reshape(-1))
    loss.backward()
    nn.utils.clip_grad_norm_(cparams, 5.0)
    copt.step()


print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
print(f"{'MNIST LSTM train step (ms)':<45} {median_ms(mnist_step, 20):10.2f}")
print(f"{'char-rnn train step (ms)':<45} {median_ms(char_step, 3):10.2f}")
