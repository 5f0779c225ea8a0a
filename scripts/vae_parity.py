#!/usr/bin/env python3
"""The VAE reference of issue 19, in PyTorch (float32, one thread): the UCI digits shipped with
Lectern (1797 images, grey levels x/16 in [0, 1]); encoder 64 → 256 → (2 means, 2 log-variances),
decoder 2 → 256 → 64 logits, ReLU; Bernoulli likelihood on the grey levels (binary cross-entropy with
soft targets, summed over pixels); loss = mean over the batch of −(reconstruction − KL), one
reparameterised draw per image; Adam 1e-3, batch 128, shuffled, 50 epochs on all digits. Scores the
importance-weighted bound with K = 100 (log-mean-exp of log p(x|z) + log p(z) − log q(z|x)) on all
digits, in nats per image, for each seed, under PyTorch's default initialisation and under Lectern's
default (zero biases; Glorot uniform weights, except Kaiming uniform with gain √2 for the decoder's
first layer, which a ReLU follows inside an MLP).

    python3 scripts/vae_parity.py [--seeds 0,1,2,3,4] [--variants torch,lectern]

Prints one line per variant and a JSON object; results of a run are in scripts/vae_parity_results.json.
"""
import argparse
import csv
import json
import math
import pathlib

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
DIGITS = pathlib.Path(__file__).resolve().parent.parent / "Sources/GenerativeModels/Data/Resources/digits.csv"


def digits():
    with open(DIGITS) as f:
        rows = list(csv.reader(f))[1:]
    return torch.tensor([[float(v) / 16 for v in r[1:]] for r in rows])


class VAE(nn.Module):
    def __init__(self, variant):
        super().__init__()
        self.body = nn.Linear(64, 256)
        self.mean = nn.Linear(256, 2)
        self.log_var = nn.Linear(256, 2)
        self.dec1 = nn.Linear(2, 256)
        self.dec2 = nn.Linear(256, 64)
        if variant == "lectern":
            for lin in [self.body, self.mean, self.log_var, self.dec1, self.dec2]:
                nn.init.xavier_uniform_(lin.weight)
                nn.init.zeros_(lin.bias)
            bound = math.sqrt(2) * math.sqrt(3 / self.dec1.in_features)
            nn.init.uniform_(self.dec1.weight, -bound, bound)
        elif variant != "torch":
            raise ValueError(variant)

    def posterior(self, x):
        h = F.relu(self.body(x))
        return self.mean(h), self.log_var(h)

    def logits(self, z):
        return self.dec2(F.relu(self.dec1(z)))


def log_bernoulli(x, logits):
    return -F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(-1)


def train(model, x, seed):
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(50):
        order = torch.randperm(len(x), generator=gen)
        for i in range(0, len(x), 128):
            batch = x[order[i:i + 128]]
            mu, log_var = model.posterior(batch)
            z = mu + (0.5 * log_var).exp() * torch.randn(mu.shape, generator=gen)
            reconstruction = log_bernoulli(batch, model.logits(z))
            kl = 0.5 * (mu.square() + log_var.exp() - 1 - log_var).sum(-1)
            loss = (kl - reconstruction).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()


@torch.no_grad()
def iwae(model, x, k, seed):
    gen = torch.Generator().manual_seed(seed)
    mu, log_var = model.posterior(x)
    eps = torch.randn((k,) + mu.shape, generator=gen)
    z = mu + (0.5 * log_var).exp() * eps
    log_px = log_bernoulli(x.expand(k, -1, -1), model.logits(z))
    log_pz = -0.5 * (z.square() + math.log(2 * math.pi)).sum(-1)
    log_qz = -0.5 * (eps.square() + log_var + math.log(2 * math.pi)).sum(-1)
    return ((log_px + log_pz - log_qz).logsumexp(0) - math.log(k)).mean().item()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="0,1,2,3,4")
    ap.add_argument("--variants", default="torch,lectern")
    a = ap.parse_args()
    x = digits()
    results = {}
    for variant in a.variants.split(","):
        scores = []
        for seed in map(int, a.seeds.split(",")):
            torch.manual_seed(seed)
            model = VAE(variant)
            train(model, x, seed)
            scores.append(round(iwae(model, x, 100, 1000 + seed), 3))
        results[variant] = scores
        mean = sum(scores) / len(scores)
        sd = (sum((s - mean) ** 2 for s in scores) / max(len(scores) - 1, 1)) ** 0.5
        print(f"{variant:8} IWAE (K = 100, nats per image) over seeds {a.seeds}: {scores}  mean {mean:.2f} sd {sd:.2f}", flush=True)
    print(json.dumps(results))
