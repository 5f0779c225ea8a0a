#!/usr/bin/env python3
"""The GAN reference of issue 19, in PyTorch (float32, one thread): an 8-mode ring, G 2→128→128→2
and D 2→128→128→1 with ReLU, the non-saturating loss, Adam 1e-4 with β = (0.5, 0.999), batch 256,
5,000 steps of one D step then one G step on the same z. Prints the modes covered (a mode is
covered when at least 1 % of 2,000 samples lie within 0.06 of its centre) for seeds 0, 1, 2 under
several initialisations, to find which difference from Lectern decides coverage.

    python3 scripts/gan_parity.py [--steps 5000] [--variants torch,zero-bias,lectern] [--seeds 0,1,2] [--fresh-z] [--float64]
"""
import argparse, json, math
import torch
import torch.nn as nn

torch.set_num_threads(1)
RADIUS, NOISE, MODES = 2.0, 0.02, 8
CENTRES = torch.tensor([[RADIUS * math.cos(2 * math.pi * k / MODES), RADIUS * math.sin(2 * math.pi * k / MODES)]
                        for k in range(MODES)])


def ring(n, gen):
    k = torch.randint(0, MODES, (n,), generator=gen)
    return CENTRES[k] + NOISE * torch.randn(n, 2, generator=gen)


def mlp(widths):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def initialise(net, variant):
    linears = [m for m in net if isinstance(m, nn.Linear)]
    for i, lin in enumerate(linears):
        last = i == len(linears) - 1
        if variant == "torch":
            continue  # PyTorch's own: weight and bias uniform in ±1/√fan_in
        if variant == "zero-bias":
            nn.init.zeros_(lin.bias)
        elif variant == "lectern":  # Lectern's MLP before issue 19: Kaiming uniform (gain √2), Glorot last, zero bias
            if last:
                nn.init.xavier_uniform_(lin.weight)
            else:
                bound = math.sqrt(2) * math.sqrt(3 / lin.in_features)
                nn.init.uniform_(lin.weight, -bound, bound)
            nn.init.zeros_(lin.bias)
        elif variant == "kaiming-torch-bias":  # Lectern's weights, PyTorch's biases
            if last:
                nn.init.xavier_uniform_(lin.weight)
            else:
                bound = math.sqrt(2) * math.sqrt(3 / lin.in_features)
                nn.init.uniform_(lin.weight, -bound, bound)
        else:
            raise ValueError(variant)


def coverage(samples):
    d = torch.cdist(samples, CENTRES)
    return int(sum((d[:, k] < 0.06).float().mean().item() >= 0.01 for k in range(MODES)))


def run(seed, variant, steps, same_z=True):
    torch.manual_seed(seed)
    G, D = mlp([2, 128, 128, 2]), mlp([2, 128, 128, 1])
    initialise(G, variant)
    initialise(D, variant)
    data_gen = torch.Generator().manual_seed(1000 + seed)
    optG = torch.optim.Adam(G.parameters(), lr=1e-4, betas=(0.5, 0.999))
    optD = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    ones, zeros = torch.ones(256, 1), torch.zeros(256, 1)
    for _ in range(steps):
        real = ring(256, data_gen)
        z = torch.randn(256, 2)
        fake = G(z)
        lossD = bce(D(real), ones) + bce(D(fake.detach()), zeros)
        optD.zero_grad(); lossD.backward(); optD.step()
        if not same_z:
            fake = G(torch.randn(256, 2))
        lossG = bce(D(fake), ones)  # non-saturating: −log D(G(z))
        optG.zero_grad(); lossG.backward(); optG.step()
    with torch.no_grad():
        return coverage(G(torch.randn(2000, 2)))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=5000)
    ap.add_argument("--variants", default="torch,zero-bias,lectern,kaiming-torch-bias")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--float64", action="store_true", help="compute in float64 (Lectern's precision)")
    ap.add_argument("--fresh-z", action="store_true", help="draw new noise for the G step (as Lectern's GAN.fit does)")
    a = ap.parse_args()
    if a.float64:
        torch.set_default_dtype(torch.float64)
        CENTRES = CENTRES.double()
    results = {}
    for variant in a.variants.split(","):
        results[variant] = [run(int(s), variant, a.steps, same_z=not a.fresh_z) for s in a.seeds.split(",")]
        print(f"{variant:20} modes covered over seeds {a.seeds}: {results[variant]}", flush=True)
    print(json.dumps(results))
