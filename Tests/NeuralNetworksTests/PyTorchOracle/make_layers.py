#!/usr/bin/env python3
"""Writes layer_cases.json: PyTorch's nn.RNN (tanh), nn.GRU and nn.LSTM (one layer, batch_first)
and nn.Conv2d/nn.Conv1d layers in float64 on seeded inputs, with the output and the gradients of
sum(output * W) for a fixed W with respect to the input and every parameter.

`swift test` (LayerOracleTests) loads PyTorch's parameters into the library's layers (transposing
weight_ih/weight_hh into the library's [input, gates*hidden] layout) and compares at relative 1e-10
(values) and 1e-8 (gradients). Run again after adding a case:

    python3 Tests/NeuralNetworksTests/PyTorchOracle/make_layers.py
"""
import json
import os
import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(20261203)


def encode(t):
    t = t.detach().to(torch.float64)
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


cases = []


def record(name, kind, module, x, params, extra=None):
    x = x.clone().requires_grad_(True)
    out = module(x)
    if isinstance(out, tuple):
        out = out[0]
    weight = torch.randn(out.shape)
    (out * weight).sum().backward()
    entry = {"name": name, "kind": kind, "input": encode(x), "output": encode(out), "weight": encode(weight),
             "inputGradient": encode(x.grad),
             "parameters": {k: encode(v) for k, v in params.items()},
             "gradients": {k: encode(v.grad) for k, v in params.items()}}
    entry.update(extra or {})
    cases.append(entry)


for kind, cls in [("rnn", torch.nn.RNN), ("gru", torch.nn.GRU), ("lstm", torch.nn.LSTM)]:
    for batch, time, inputs, hidden in [(2, 5, 3, 4), (3, 7, 2, 5)]:
        module = cls(inputs, hidden, batch_first=True)
        x = torch.randn(batch, time, inputs)
        params = {"weight_ih": module.weight_ih_l0, "weight_hh": module.weight_hh_l0,
                  "bias_ih": module.bias_ih_l0, "bias_hh": module.bias_hh_l0}
        record(f"{kind} batch {batch} time {time} input {inputs} hidden {hidden}", kind, module, x, params,
               {"hidden": hidden})

for name, args in [("conv2d 3×3 padding 1", dict(in_channels=2, out_channels=3, kernel_size=3, padding=1)),
                   ("conv2d 5×5 stride 2", dict(in_channels=1, out_channels=4, kernel_size=5, stride=2, padding=2))]:
    module = torch.nn.Conv2d(**args)
    x = torch.randn(2, args["in_channels"], 8, 8)
    record(name, "conv2d", module, x, {"weight": module.weight, "bias": module.bias},
           {"stride": module.stride[0], "padding": module.padding[0], "dilation": module.dilation[0]})
module = torch.nn.Conv1d(3, 2, kernel_size=3, dilation=2, padding=2)
record("conv1d dilation 2 padding 2", "conv1d", module, torch.randn(2, 3, 10), {"weight": module.weight, "bias": module.bias},
       {"stride": 1, "padding": 2, "dilation": 2})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "layer_cases.json"), "w") as f:
    json.dump({"producer": f"PyTorch {torch.__version__}, float64", "cases": cases}, f)
    f.write("\n")
print(f"{len(cases)} layer cases")
