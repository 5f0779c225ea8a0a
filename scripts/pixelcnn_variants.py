"""Issue 19: can a PixelCNN reach MADE's test NLL on the binarised 8x8 digits?

PyTorch (float32, one thread) on one random split of the 1,797 digits (359 test, 216 validation,
1,222 training rows, as notebook 03's sizes; not its rows), every model trained with Adam, batch
128, early stopping with patience 10 on the validation NLL, test NLL (nats per image) at the best
epoch. Variants of the issue's PixelCNN (5x5 type A, four residual 3x3 type B, 64 maps): weight
decay, fewer maps, dropout on the residual branches, a larger first kernel (7, 9, 15: at 15 the
first layer sees every earlier pixel of an 8x8 image, no blind spot), more layers, a lower
learning rate; and MADE with one hidden layer of 1,024 units, as notebook 03's.

    python3 scripts/pixelcnn_variants.py made1024 base drop0.2 first15-drop0.2 ...

Second round: more residual dropout (0.3, 0.4), weight decay with dropout, 128 maps, two residual
layers, two 1x1 ReLU layers before the output (out_layers), dropout on the first layer's output
(first_dropout, "indrop"), and seeds 2 and 3 (fit's seed: initialisation, dropout and batch order;
the split is fixed) for made1024 and the best PixelCNNs. Dropout after the type-A layer is what
brings a PixelCNN under MADE, test NLL at seeds 1/2/3: first15-indrop0.2-drop0.2 16.91/16.78/16.91,
first15-indrop0.3-drop0.2 16.75/16.75/16.87, made1024 17.04/16.95/17.04 (first15-indrop0.4-drop0.2,
seed 1 only: 16.66).

Third round: a learned bias per map and pixel after every masked layer (position_bias, as
Lectern's PixelCNN(positionBias: true), with which notebook 03 trains its second PixelCNN): alone
17.24 (the base is 18.44), with the 15x15 first layer 16.76, and with dropout 0.2 on the residual
branches as in the notebook 16.68/16.74/16.87 at seeds 1/2/3.

The runs made for issue 19 are in pixelcnn_variants_results.jsonl (one JSON line per run;
first7-l6-drop0.2 was not run).
"""
import csv, json, math, os, sys, time
import torch, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(1)
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.reader(open(os.path.join(here, '..', 'Sources/GenerativeModels/Data/Resources/digits.csv'))))[1:]
x = torch.tensor([[float(v) / 16 > 0.5 for v in r[1:]] for r in rows], dtype=torch.float32)
g = torch.Generator().manual_seed(0)
perm = torch.randperm(len(x), generator=g)
test, rest = x[perm[:359]], x[perm[359:]]
valid, train = rest[:216], rest[216:]

class Masked(nn.Conv2d):
    def __init__(self, kind, *a, **k):
        super().__init__(*a, **k)
        kk = self.kernel_size[0]
        m = torch.zeros(kk, kk); m[:kk // 2, :] = 1; m[kk // 2, :kk // 2 + (kind == 'B')] = 1
        self.register_buffer('mask', m)
    def forward(self, h): return F.conv2d(h, self.weight * self.mask, self.bias, padding=self.padding)

class PixelCNN(nn.Module):
    def __init__(self, ch=64, layers=4, first=5, k=3, dropout=0.0, out_layers=0, first_dropout=0.0, position_bias=False):
        super().__init__()
        self.first = Masked('A', 1, ch, first, padding=first // 2)
        self.res = nn.ModuleList(Masked('B', ch, ch, k, padding=k // 2) for _ in range(layers))
        self.out = nn.Conv2d(ch, 1, 1)
        self.dropout = dropout
        # extra 1x1 ReLU layers before the output (van den Oord et al. 2016); made after self.out
        # so that the old variants' initialisation is unchanged
        self.head = nn.ModuleList(nn.Conv2d(ch, ch, 1) for _ in range(out_layers))
        self.first_dropout = first_dropout
        # a learned bias per map and pixel after every masked layer, zero at the start (Lectern's
        # PixelCNN(positionBias: true)); zeros draw no random numbers, so nothing else changes
        self.maps = nn.ParameterList(nn.Parameter(torch.zeros(ch, 8, 8)) for _ in range(layers + 1 if position_bias else 0))
    def forward(self, xb):
        bias = lambda z, i: z + self.maps[i] if len(self.maps) > 0 else z
        h = F.relu(bias(self.first(xb.view(-1, 1, 8, 8)), 0))
        if self.first_dropout > 0: h = F.dropout(h, self.first_dropout, self.training)
        for i, l in enumerate(self.res):
            h = h + F.dropout(F.relu(bias(l(h), i + 1)), self.dropout, self.training)
        for l in self.head: h = F.relu(l(h))
        return self.out(h).view(-1, 64)

class MADE(nn.Module):
    def __init__(self, hidden=1024):
        super().__init__()
        order = torch.arange(64)
        deg = torch.randint(0, 63, (hidden,), generator=torch.Generator().manual_seed(1))
        self.l1, self.l2 = nn.Linear(64, hidden), nn.Linear(hidden, 64)
        self.register_buffer('m1', (deg[:, None] >= order[None, :]).float())
        self.register_buffer('m2', (order[:, None] > deg[None, :]).float())
    def forward(self, xb):
        h = F.relu(F.linear(xb, self.l1.weight * self.m1, self.l1.bias))
        return F.linear(h, self.l2.weight * self.m2, self.l2.bias)

def nll(m, d):
    m.eval()
    with torch.no_grad(): r = F.binary_cross_entropy_with_logits(m(d), d, reduction='sum').item() / len(d)
    m.train(); return r

def fit(name, make, lr=1e-3, wd=0.0, epochs=200, patience=10, seed=1):
    torch.manual_seed(seed)  # the seed changes initialisation, dropout and batch order, not the split
    m = make(); opt = torch.optim.Adam(m.parameters(), lr=lr, weight_decay=wd)
    gen = torch.Generator().manual_seed(seed)
    best, be, state = math.inf, 0, None
    t0 = time.time()
    for e in range(1, epochs + 1):
        order = torch.randperm(len(train), generator=gen)
        for i in range(0, len(train), 128):
            xb = train[order[i:i + 128]]
            loss = F.binary_cross_entropy_with_logits(m(xb), xb, reduction='sum') / len(xb)
            opt.zero_grad(); loss.backward(); opt.step()
        v = nll(m, valid)
        if v < best: best, be, state = v, e, {k: t.clone() for k, t in m.state_dict().items()}
        elif e - be >= patience: break
    m.load_state_dict(state)
    print(json.dumps({"name": name, "bestEpoch": be, "valid": round(best, 3), "test": round(nll(m, test), 3), "seconds": round(time.time() - t0)}), flush=True)

variants = {
  "made1024": lambda: fit("made1024", MADE),
  "base": lambda: fit("base", PixelCNN),
  "wd1e-4": lambda: fit("wd1e-4", PixelCNN, wd=1e-4),
  "ch32": lambda: fit("ch32", lambda: PixelCNN(ch=32)),
  "drop0.2": lambda: fit("drop0.2", lambda: PixelCNN(dropout=0.2)),
  "drop0.4": lambda: fit("drop0.4", lambda: PixelCNN(dropout=0.4)),
  "first7-l6": lambda: fit("first7-l6", lambda: PixelCNN(first=7, layers=6)),
  "lr3e-4": lambda: fit("lr3e-4", PixelCNN, lr=3e-4),
  "first9": lambda: fit("first9", lambda: PixelCNN(first=9)),
  "first9-drop0.2": lambda: fit("first9-drop0.2", lambda: PixelCNN(first=9, dropout=0.2)),
  "first7-l6-drop0.2": lambda: fit("first7-l6-drop0.2", lambda: PixelCNN(first=7, layers=6, dropout=0.2)),
  "first15-drop0.2": lambda: fit("first15-drop0.2", lambda: PixelCNN(first=15, dropout=0.2)),
  "first15": lambda: fit("first15", lambda: PixelCNN(first=15)),
  "first15-drop0.3": lambda: fit("first15-drop0.3", lambda: PixelCNN(first=15, dropout=0.3)),
  "first15-drop0.4": lambda: fit("first15-drop0.4", lambda: PixelCNN(first=15, dropout=0.4)),
  "first9-drop0.3": lambda: fit("first9-drop0.3", lambda: PixelCNN(first=9, dropout=0.3)),
  "first15-drop0.3-wd1e-4": lambda: fit("first15-drop0.3-wd1e-4", lambda: PixelCNN(first=15, dropout=0.3), wd=1e-4),
  "first15-ch128-drop0.4": lambda: fit("first15-ch128-drop0.4", lambda: PixelCNN(ch=128, first=15, dropout=0.4)),
  "first15-l2-drop0.2": lambda: fit("first15-l2-drop0.2", lambda: PixelCNN(first=15, layers=2, dropout=0.2)),
  "first15-out2-drop0.3": lambda: fit("first15-out2-drop0.3", lambda: PixelCNN(first=15, dropout=0.3, out_layers=2)),
  "first15-indrop0.2-drop0.2": lambda: fit("first15-indrop0.2-drop0.2", lambda: PixelCNN(first=15, dropout=0.2, first_dropout=0.2)),
  "first15-indrop0.2-drop0.2-seed2": lambda: fit("first15-indrop0.2-drop0.2-seed2", lambda: PixelCNN(first=15, dropout=0.2, first_dropout=0.2), seed=2),
  "first15-indrop0.2-drop0.2-seed3": lambda: fit("first15-indrop0.2-drop0.2-seed3", lambda: PixelCNN(first=15, dropout=0.2, first_dropout=0.2), seed=3),
  "first15-indrop0.3-drop0.2": lambda: fit("first15-indrop0.3-drop0.2", lambda: PixelCNN(first=15, dropout=0.2, first_dropout=0.3)),
  "first15-indrop0.3-drop0.2-seed2": lambda: fit("first15-indrop0.3-drop0.2-seed2", lambda: PixelCNN(first=15, dropout=0.2, first_dropout=0.3), seed=2),
  "first15-indrop0.3-drop0.2-seed3": lambda: fit("first15-indrop0.3-drop0.2-seed3", lambda: PixelCNN(first=15, dropout=0.2, first_dropout=0.3), seed=3),
  "first15-indrop0.4-drop0.2": lambda: fit("first15-indrop0.4-drop0.2", lambda: PixelCNN(first=15, dropout=0.2, first_dropout=0.4)),
  "first9-indrop0.2-drop0.2": lambda: fit("first9-indrop0.2-drop0.2", lambda: PixelCNN(first=9, dropout=0.2, first_dropout=0.2)),
  "posbias": lambda: fit("posbias", lambda: PixelCNN(position_bias=True)),
  "posbias-first15": lambda: fit("posbias-first15", lambda: PixelCNN(first=15, position_bias=True)),
  "posbias-first15-drop0.2": lambda: fit("posbias-first15-drop0.2", lambda: PixelCNN(first=15, dropout=0.2, position_bias=True)),
  "posbias-first15-drop0.2-seed2": lambda: fit("posbias-first15-drop0.2-seed2", lambda: PixelCNN(first=15, dropout=0.2, position_bias=True), seed=2),
  "posbias-first15-drop0.2-seed3": lambda: fit("posbias-first15-drop0.2-seed3", lambda: PixelCNN(first=15, dropout=0.2, position_bias=True), seed=3),
  "made1024-seed2": lambda: fit("made1024-seed2", MADE, seed=2),
  "made1024-seed3": lambda: fit("made1024-seed3", MADE, seed=3),
}
for n in sys.argv[1:]: variants[n]()
