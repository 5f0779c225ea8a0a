#!/usr/bin/env python3
"""The learning rates PyTorch's schedulers give, step by step, for LearningRateScheduleTests.

Each case builds an SGD optimiser over one parameter with the case's initial rate, attaches the
scheduler, and records optimizer.param_groups[0]["lr"] before each of 40 scheduler.step() calls
(rate k is what update k uses). Writes schedule_cases.json next to this script; deterministic.
Needs torch (CPU); run: python3 Tests/NeuralNetworksTests/PyTorchOracle/make_schedules.py
"""
import json
import os
import warnings

import torch

warnings.filterwarnings("ignore")
STEPS = 40


def rates(initial, make):
    p = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    opt = torch.optim.SGD([p], lr=initial)
    sched = make(opt)
    out = []
    for _ in range(STEPS):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


S = torch.optim.lr_scheduler
cases = [
    ("stepDecay", {"initial": 0.1, "every": 7, "factor": 0.5}, lambda o: S.StepLR(o, step_size=7, gamma=0.5)),
    ("exponential", {"initial": 0.05, "factor": 0.93}, lambda o: S.ExponentialLR(o, gamma=0.93)),
    ("cosine", {"initial": 0.01, "minimum": 0.0005, "steps": 25}, lambda o: S.CosineAnnealingLR(o, T_max=25, eta_min=0.0005)),
    ("cosine", {"initial": 0.003, "minimum": 0.0, "steps": 40}, lambda o: S.CosineAnnealingLR(o, T_max=40, eta_min=0.0)),
    ("linear", {"initial": 0.02, "startFactor": 0.1, "endFactor": 1.0, "steps": 8},
     lambda o: S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=8)),
    ("linear", {"initial": 0.02, "startFactor": 1.0, "endFactor": 0.25, "steps": 30},
     lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.25, total_iters=30)),
    ("warmupThenCosine", {"initial": 0.01, "startFactor": 0.2, "warmup": 5, "minimum": 0.0001, "steps": 30},
     lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.2, end_factor=1.0, total_iters=5),
                                  S.CosineAnnealingLR(o, T_max=30, eta_min=0.0001)], milestones=[5])),
]
table = [{"kind": kind, "settings": settings, "rates": rates(settings["initial"], make)} for kind, settings, make in cases]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_cases.json")
with open(path, "w") as f:
    json.dump({"torch": torch.__version__, "cases": table}, f, indent=1)
    f.write("\n")
print(f"{len(table)} schedules × {STEPS} steps → {path}")
