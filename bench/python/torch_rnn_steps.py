"""Python PyTorch column of bench/TfRnn.Bench's side-by-side table: the same models, sizes and threads.

Run by the bench itself where Debian's PyTorch is installed (apt-get install python3-torch); prints one
"case<TAB>value" line per case, with the case names the C# table uses.
"""
import os
import statistics
import time

import torch
import torch.nn as nn


def median_ms(step, iterations, rounds=7):
    step()
    step()
    results = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(iterations):
            step()
        results.append((time.perf_counter() - start) * 1000 / iterations)
    return statistics.median(results)


def lstm_step(vocab, units, layers, batch, steps, lr, clip):
    emb = nn.Embedding(vocab, units)
    rnn = nn.LSTM(units, units, num_layers=layers, batch_first=True)
    out_layer = nn.Linear(units, vocab)
    params = list(emb.parameters()) + list(rnn.parameters()) + list(out_layer.parameters())
    opt = torch.optim.Adam(params, lr=lr)
    x = torch.randint(0, vocab, (batch, steps))
    y = torch.randint(0, vocab, (batch, steps))

    def step():
        opt.zero_grad()
        out, _ = rnn(emb(x))
        loss = nn.functional.cross_entropy(out_layer(out).reshape(-1, vocab), y.reshape(-1))
        loss.backward()
        nn.utils.clip_grad_norm_(params, clip)
        opt.step()
    return step


def mnist_step():
    lstm = nn.LSTM(28, 128, batch_first=True)
    head = nn.Linear(128, 10)
    opt = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=0.001)
    x = torch.rand(128, 28, 28)
    y = torch.randint(0, 10, (128,))

    def step():
        opt.zero_grad()
        out, _ = lstm(x)
        loss = nn.functional.cross_entropy(head(out[:, -1]), y)
        loss.backward()
        opt.step()
    return step


@torch.no_grad()
def sampling_chars_per_second(characters=2000):
    """char-rnn's sample(): one step of a 2x128 LSTM per character, softmax, weighted pick on the host."""
    vocab, units = 99, 128
    emb = nn.Embedding(vocab, units)
    rnn = nn.LSTM(units, units, num_layers=2)
    out_layer = nn.Linear(units, vocab)

    def run():
        state, char = None, 0
        for _ in range(characters):
            out, state = rnn(emb(torch.tensor([[char]])), state)
            p = torch.softmax(out_layer(out[0]), 1)[0].numpy()
            char = min(int((p.cumsum() < torch.rand(1).item() * p.sum()).sum()), vocab - 1)
    seconds = median_ms(run, 1, rounds=5) / 1000
    return characters / seconds


# Debian's build starts with one thread; libtorch under TorchSharp uses every core, so match it.
torch.set_num_threads(os.cpu_count())
torch.manual_seed(1)
print(f"char-rnn train step (2×128 LSTM, 50×200, vocab 99)\t{median_ms(lstm_step(99, 128, 2, 50, 200, 0.002, 5.0), 3):.3f}")
print(f"MNIST LSTM train step (128 units, 128×28×28)\t{median_ms(mnist_step(), 20):.3f}")
print(f"sampling, one Session.run per character (2×128)\t{sampling_chars_per_second():.1f}")
print(f"KorCharRnn train step (3×512 LSTM, 50×50, vocab 136)\t{median_ms(lstm_step(136, 512, 3, 50, 50, 0.0002, 5.0), 2):.3f}")
