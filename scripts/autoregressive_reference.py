#!/usr/bin/env python3
"""PyTorch reference for issue 19's autoregressive figures, run by `swift run -c release Benchmarks
autoregressive` in the same run as Lectern, on the same data (the benchmark writes it to a JSON file
and passes its path). PyTorch in float32 on one thread, settings equal to Lectern's:

- PixelCNN: a 5×5 type-A masked convolution (1 → 64), ReLU, four residual 3×3 type-B layers
  (h ← h + ReLU(conv(h))), a 1×1 convolution to one logit per pixel; PyTorch's default
  initialisation; Adam 1e-3, batch 128; validation NLL after every epoch, the best epoch's
  parameters kept, stopped after `patience` epochs without improvement. Reports seconds per epoch,
  the best epoch, test NLL (nats per image) there and at the last epoch, and the time to draw 64
  images (64 passes).
- A 3×3 convolution's forward + backward at the course's size (x [128, 64, 8, 8], 64 → 64 maps,
  padding 1): GFLOP/s, beside the matrix product of the same size (sgemm, [64, 576] × [576, 8192]).
- CharRNN: embedding 32, GRU 128, linear read-out, pieces of 64 characters, batch 32, Adam 2e-3,
  gradient norm clipped at 5: seconds per epoch, test bits per character after the epochs run, and
  the time per sampled character.

Prints one JSON object. Usage: python3 scripts/autoregressive_reference.py DATA.json
"""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)
data = json.load(open(sys.argv[1]))
settings = data["settings"]
result = {"producer": f"PyTorch {torch.__version__}, float32, 1 thread"}


class MaskedConv2d(nn.Conv2d):
    def __init__(self, kind, *args, **kwargs):
        super().__init__(*args, **kwargs)
        k = self.kernel_size[0]
        mask = torch.zeros(k, k)
        mask[: k // 2, :] = 1
        mask[k // 2, : k // 2 + (1 if kind == "B" else 0)] = 1
        self.register_buffer("mask", mask)

    def forward(self, x):
        return F.conv2d(x, self.weight * self.mask, self.bias, padding=self.padding)


class PixelCNN(nn.Module):
    def __init__(self, channels=64, layers=4):
        super().__init__()
        self.first = MaskedConv2d("A", 1, channels, 5, padding=2)
        self.residual = nn.ModuleList(MaskedConv2d("B", channels, channels, 3, padding=1) for _ in range(layers))
        self.output = nn.Conv2d(channels, 1, 1)

    def forward(self, x):
        h = F.relu(self.first(x.view(-1, 1, 8, 8)))
        for layer in self.residual:
            h = h + F.relu(layer(h))
        return self.output(h).view(-1, 64)


def nll(model, x):
    with torch.no_grad():
        return F.binary_cross_entropy_with_logits(model(x), x, reduction="sum").item() / x.shape[0]


train = torch.tensor(data["train"], dtype=torch.float32)
valid = torch.tensor(data["validation"], dtype=torch.float32)
test = torch.tensor(data["test"], dtype=torch.float32)


def fit_pixelcnn(model_seed, batch_seed):
    """Trains a PixelCNN with early stopping; returns the model at its best epoch, its generator
    (for sampling), the seconds per epoch, the best epoch and validation NLL, and the last test NLL."""
    torch.manual_seed(model_seed)
    model = PixelCNN(settings["channels"], settings["layers"])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(batch_seed)
    best, best_epoch, best_state, epoch_seconds = math.inf, 0, None, []
    for epoch in range(1, settings["maxEpochs"] + 1):
        start = time.perf_counter()
        order = torch.randperm(train.shape[0], generator=generator)
        for i in range(0, train.shape[0], 128):
            xb = train[order[i:i + 128]]
            loss = F.binary_cross_entropy_with_logits(model(xb), xb, reduction="sum") / xb.shape[0]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        epoch_seconds.append(time.perf_counter() - start)
        v = nll(model, valid)
        if v < best:
            best, best_epoch = v, epoch
            best_state = {k: t.clone() for k, t in model.state_dict().items()}
        elif epoch - best_epoch >= settings["patience"]:
            break
    last_test = nll(model, test)
    model.load_state_dict(best_state)
    return model, generator, epoch_seconds, best_epoch, best, last_test


# With "seeds" in the settings: only PixelCNN, once per seed (model and batch order seeded alike).
if "seeds" in data:
    runs = []
    for seed in data["seeds"]:
        model, _, epoch_seconds, best_epoch, best, _ = fit_pixelcnn(seed, seed)
        runs.append({"seed": seed, "epochs": len(epoch_seconds), "bestEpoch": best_epoch,
                     "bestValidation": best, "testAtBest": nll(model, test)})
    result["pixelcnnSeeds"] = runs
    print(json.dumps(result))
    sys.exit(0)

model, generator, epoch_seconds, best_epoch, best, last_test = fit_pixelcnn(0, 1)
with torch.no_grad():
    start = time.perf_counter()
    canvas = torch.zeros(64, 64)
    for i in range(64):
        canvas[:, i] = torch.bernoulli(torch.sigmoid(model(canvas)[:, i]), generator=generator)
    sample_seconds = time.perf_counter() - start
result["pixelcnn"] = {
    "secondsPerEpoch": sum(epoch_seconds) / len(epoch_seconds), "epochs": len(epoch_seconds),
    "bestEpoch": best_epoch, "bestValidation": best, "testAtBest": nll(model, test), "testAtLast": last_test,
    "sample64Seconds": sample_seconds, "parameters": sum(p.numel() for p in model.parameters()),
}


def median_seconds(f, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


x = torch.randn(128, 64, 8, 8, requires_grad=True)
w = torch.randn(64, 64, 3, 3, requires_grad=True)


def conv_step():
    y = F.conv2d(x, w, padding=1)
    y.backward(torch.ones_like(y))


conv_seconds = median_seconds(conv_step, 20)
flops = 3 * 2 * 128 * 64 * 64 * 9 * 64
a, b = torch.randn(64, 576), torch.randn(576, 8192)
gemm_seconds = median_seconds(lambda: a @ b, 20)
result["convolution"] = {"forwardBackwardGFLOPS": flops / conv_seconds / 1e9, "gemmGFLOPS": 2 * 64 * 576 * 8192 / gemm_seconds / 1e9}


class CharRNN(nn.Module):
    def __init__(self, vocabulary, hidden=128, embedding=32):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary + 1, embedding)
        self.gru = nn.GRU(embedding, hidden, batch_first=True)
        self.readout = nn.Linear(hidden, vocabulary)

    def forward(self, ids, state=None):
        out, state = self.gru(self.embedding(ids), state)
        return self.readout(out), state


characters = sorted(set(data["corpus"]))
index = {c: i + 1 for i, c in enumerate(characters)}
train_ids = torch.tensor([0] + [index[c] for c in data["textTrain"]])
test_ids = torch.tensor([0] + [index[c] for c in data["textTest"]])
rnn = CharRNN(len(characters))
optimizer = torch.optim.Adam(rnn.parameters(), lr=2e-3)
length = 64
pieces = (len(train_ids) - 1) // length
epoch_seconds = []
for epoch in range(settings["charEpochs"]):
    start = time.perf_counter()
    order = torch.randperm(pieces, generator=generator)
    for i in range(0, pieces, 32):
        starts = order[i:i + 32] * length
        inputs = torch.stack([train_ids[s:s + length] for s in starts])
        targets = torch.stack([train_ids[s + 1:s + length + 1] for s in starts]) - 1
        logits, _ = rnn(inputs)
        loss = F.cross_entropy(logits.reshape(-1, len(characters)), targets.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(rnn.parameters(), 5.0)
        optimizer.step()
    epoch_seconds.append(time.perf_counter() - start)
with torch.no_grad():
    logits, _ = rnn(test_ids[:-1].unsqueeze(0))
    bits = F.cross_entropy(logits[0], test_ids[1:] - 1, reduction="sum").item() / (len(test_ids) - 1) / math.log(2)
    start = time.perf_counter()
    state, previous = None, torch.tensor([[0]])
    for _ in range(500):
        logits, state = rnn(previous, state)
        previous = torch.multinomial(torch.softmax(logits[0, -1], dim=0), 1, generator=generator).view(1, 1) + 1
    per_character = (time.perf_counter() - start) / 500
result["charRNN"] = {"secondsPerEpoch": sum(epoch_seconds) / len(epoch_seconds), "epochs": len(epoch_seconds),
                     "testBitsPerCharacter": bits, "secondsPerSampledCharacter": per_character}
print(json.dumps(result))
