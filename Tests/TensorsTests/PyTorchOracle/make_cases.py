#!/usr/bin/env python3
"""Writes cases.json (tensor operations and their gradients) and
../../NeuralNetworksTests/PyTorchOracle/loss_cases.json (losses), as PyTorch computes them in float64.

`swift test` (PyTorchOracleTests) runs every case through the Tensors library and compares:
values at relative 1e-10, gradients at relative 1e-8. Run this script again after adding a case:

    python3 Tests/TensorsTests/PyTorchOracle/make_cases.py

Each operation case names an `op` that the Swift test maps to a library call, its inputs (shape
and row-major data), its parameters, and PyTorch's output. Each gradient case also has a weight
W; the differentiated scalar is sum(op(inputs) * W), so every output element contributes.
Inputs come from a seeded generator, kept inside each operation's domain and free of ties.
"""
import json
import os
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
generator = torch.Generator().manual_seed(20261202)


def draw(shape, domain="real"):
    """Seeded inputs: `real` in [-2, 2] away from 0, `positive` in [0.5, 2], `small` in [-0.8, 0.8]."""
    u = torch.rand(shape, generator=generator)
    if domain == "positive":
        return 0.5 + 1.5 * u
    if domain == "small":
        sign = torch.where(torch.rand(shape, generator=generator) < 0.5, -1.0, 1.0)
        return sign * (0.1 + 0.7 * u)
    if domain == "spd":  # a well-conditioned symmetric positive-definite matrix
        n = shape[0]
        m = torch.rand((n, n), generator=generator) - 0.5
        return m @ m.T + n * torch.eye(n)
    sign = torch.where(torch.rand(shape, generator=generator) < 0.5, -1.0, 1.0)
    return sign * (0.2 + 1.8 * u)


def encode(t):
    t = t.detach().to(torch.float64)
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


BINARY = {
    "add": lambda a, b: a + b,
    "subtract": lambda a, b: a - b,
    "multiply": lambda a, b: a * b,
    "divide": lambda a, b: a / b,
    "pow": lambda a, b: torch.pow(a, b),
    "maximum": torch.maximum,
    "minimum": torch.minimum,
}

UNARY = {
    "exp": torch.exp, "log": torch.log, "log1p": torch.log1p, "sqrt": torch.sqrt, "abs": torch.abs,
    "square": torch.square, "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid, "softplus": F.softplus, "relu": F.relu,
    "leakyRelu": lambda x: F.leaky_relu(x, 0.1), "elu": F.elu, "gelu": F.gelu, "silu": F.silu,
    "clamped": lambda x: torch.clamp(x, -0.5, 0.5), "negate": lambda x: -x,
}
UNARY_DOMAIN = {"log": "positive", "sqrt": "positive", "log1p": "small"}

SCALAR = {
    "addScalar": lambda x: x + 2.5, "scalarSubtract": lambda x: 2.5 - x, "multiplyScalar": lambda x: x * 2.5,
    "divideByScalar": lambda x: x / 2.5, "scalarDivide": lambda x: 2.5 / x, "powScalar": lambda x: torch.pow(x, 2.5),
}


def reduce(name, x, axis, keep):
    dims = None if axis is None else axis
    if name == "sum":
        return x.sum() if dims is None else x.sum(dim=dims, keepdim=keep)
    if name == "mean":
        return x.mean() if dims is None else x.mean(dim=dims, keepdim=keep)
    if name == "max":
        return x.amax() if dims is None else x.amax(dim=dims, keepdim=keep)
    if name == "min":
        return x.amin() if dims is None else x.amin(dim=dims, keepdim=keep)
    if name == "logSumExp":
        return torch.logsumexp(x.reshape(-1), 0) if dims is None else torch.logsumexp(x, dim=dims, keepdim=keep)
    if name == "variance0":
        return x.var(correction=0) if dims is None else x.var(dim=dims, keepdim=keep, correction=0)
    if name == "variance1":
        return x.var(correction=1) if dims is None else x.var(dim=dims, keepdim=keep, correction=1)
    if name == "standardDeviation1":
        return x.std(correction=1) if dims is None else x.std(dim=dims, keepdim=keep, correction=1)
    raise ValueError(name)


REDUCTIONS = ["sum", "mean", "max", "min", "logSumExp", "variance0", "variance1", "standardDeviation1"]


def apply(op, inputs, params):
    """The operation as PyTorch computes it; mirrors `PyTorchOracleTests.apply`."""
    x = inputs[0]
    if op in BINARY:
        return BINARY[op](inputs[0], inputs[1])
    if op in UNARY:
        return UNARY[op](x)
    if op in SCALAR:
        return SCALAR[op](x)
    if op in REDUCTIONS:
        return reduce(op, x, params.get("axis"), params.get("keepDims", False))
    if op == "argmax":
        return torch.argmax(x, dim=params["axis"], keepdim=params.get("keepDims", False)).to(torch.float64)
    if op == "argmin":
        return torch.argmin(x, dim=params["axis"], keepdim=params.get("keepDims", False)).to(torch.float64)
    if op == "softmax":
        return torch.softmax(x, dim=params["axis"])
    if op == "logSoftmax":
        return torch.log_softmax(x, dim=params["axis"])
    if op == "matmul":
        return torch.matmul(inputs[0], inputs[1])
    if op == "reshape":
        return x.reshape(params["shape"])
    if op == "permute":
        return x.permute(params["axes"])
    if op == "transpose":
        return x.T
    if op == "concatenate":
        return torch.cat(inputs, dim=params["axis"])
    if op == "stack":
        return torch.stack(inputs, dim=params["axis"])
    if op == "expandDims":
        return x.unsqueeze(params["axis"])
    if op == "squeeze":
        return x.squeeze(params["axis"])
    if op == "broadcast":
        return x.expand(params["shape"])
    if op == "take":
        return torch.index_select(x, params["axis"], torch.tensor(params["indices"]))
    if op == "where":
        return torch.where(inputs[0] > 0, inputs[1], inputs[2])
    if op in ("greater", "less", "greaterEqual", "lessEqual"):
        f = {"greater": torch.gt, "less": torch.lt, "greaterEqual": torch.ge, "lessEqual": torch.le}[op]
        return f(inputs[0], inputs[1]).to(torch.float64)
    if op == "diagonal":
        return torch.diagonal(x, dim1=-2, dim2=-1)
    if op == "trace":
        return torch.diagonal(x, dim1=-2, dim2=-1).sum(-1)
    if op == "sorted":
        return torch.sort(x, dim=params["axis"], descending=params.get("descending", False), stable=True).values
    if op == "median":
        return torch.median(x, dim=params["axis"]).values
    if op == "quantile":
        return torch.quantile(x, params["q"], dim=params["axis"])
    if op == "cumulativeSum":
        return torch.cumsum(x, dim=params["axis"])
    if op == "norm":
        return torch.linalg.vector_norm(x) if params.get("axis") is None else torch.linalg.vector_norm(x, dim=params["axis"])
    if op == "tiled":
        return x.repeat(*params["shape"])
    if op == "repeated":
        return torch.repeat_interleave(x, params["count"], dim=params["axis"])
    if op == "maskedSelect":
        return x[x > 0]
    if op == "maskedFill":
        return x.masked_fill(x < 0, 0.5)
    if op == "inverse":
        return torch.linalg.inv(x)
    if op == "solve":
        return torch.linalg.solve(inputs[0], inputs[1])
    if op == "logDeterminant":
        return torch.logdet(x)
    if op == "cholesky":
        return torch.linalg.cholesky(x)
    if op == "eigenvalues":
        return torch.linalg.eigvalsh(x)
    if op == "singularValues":
        return torch.linalg.svdvals(x)
    if op == "conv2d":
        return F.conv2d(inputs[0], inputs[1], inputs[2] if len(inputs) > 2 else None, stride=params.get("stride", [1]),
                        padding=params.get("padding", [0]), dilation=params.get("dilation", [1]))
    if op == "conv1d":
        w = inputs[1]
        if params.get("causal"):  # all the padding on the left: output t sees inputs up to t
            x = F.pad(x, ((w.shape[2] - 1) * params.get("dilation", [1])[0], 0))
        return F.conv1d(x, w, inputs[2] if len(inputs) > 2 else None, stride=params.get("stride", [1]),
                        padding=params.get("padding", [0]), dilation=params.get("dilation", [1]))
    raise ValueError(op)


ops, gradients = [], []


def case(name, op, shapes, params=None, domain="real", gradient=False, inputs=None):
    params = params or {}
    if inputs is None:
        domains = domain if isinstance(domain, list) else [domain] * len(shapes)
        inputs = [draw(s, d) for s, d in zip(shapes, domains)]
    out = apply(op, inputs, params)
    ops.append({"name": name, "op": op, "params": params, "inputs": [encode(t) for t in inputs], "output": encode(out)})
    if gradient:
        leaves = [t.clone().requires_grad_(True) for t in inputs]
        y = apply(op, leaves, params)
        weight = draw(list(y.shape))
        (y * weight).sum().backward()
        gradients.append({"name": name, "op": op, "params": params, "inputs": [encode(t) for t in inputs],
                          "weight": encode(weight), "gradients": [encode(t.grad if t.grad is not None else torch.zeros_like(t)) for t in leaves]})


# Broadcasting: every binary operation over every pairing of shapes, sizes 1 and rank 0 included.
PAIRS = [([2, 3], [2, 3]), ([2, 3], [3]), ([2, 3], [1, 3]), ([2, 3], [2, 1]), ([3], [2, 3]), ([], [2, 3]),
         ([2, 3], []), ([1], [3]), ([3, 1], [1, 4]), ([2, 1, 3], [4, 1]), ([1], []), ([1, 1], [2])]
for op in BINARY:
    domain = "positive" if op == "pow" else "real"
    for i, (a, b) in enumerate(PAIRS):
        case(f"{op} {a} {b}", op, [a, b], domain=[domain, "real" if op == "pow" else domain],
             gradient=(i in (0, 1, 3, 5, 7, 10)))
for op in SCALAR:
    case(op, op, [[2, 3]], domain="positive", gradient=True)
for op in UNARY:
    case(op, op, [[2, 3]], domain=UNARY_DOMAIN.get(op, "small" if op == "clamped" else "real"), gradient=True)
    case(f"{op} scalar", op, [[]], domain=UNARY_DOMAIN.get(op, "small" if op == "clamped" else "real"))

# Reductions along every axis, with and without kept dimensions, and over everything.
for op in REDUCTIONS:
    for axis in [0, 1, 2, -1]:
        for keep in [False, True]:
            case(f"{op} axis {axis} keep {keep}", op, [[2, 3, 4]], {"axis": axis, "keepDims": keep},
                 gradient=(axis == 1 and not keep) or (axis == -1 and keep))
    case(f"{op} all", op, [[2, 3, 4]], gradient=True)
for op in ["argmax", "argmin"]:
    for axis in [0, 1, 2]:
        case(f"{op} axis {axis}", op, [[2, 3, 4]], {"axis": axis})
for op in ["softmax", "logSoftmax"]:
    for axis in [0, 1, -1]:
        case(f"{op} axis {axis}", op, [[2, 3, 4]], {"axis": axis}, gradient=(axis != 1))

# Products, batched and with vectors.
for a, b in [([3, 4], [4, 2]), ([2, 3, 4], [4, 5]), ([2, 3, 4], [2, 4, 5]), ([4], [4, 3]), ([3, 4], [4]), ([4], [4])]:
    case(f"matmul {a} {b}", "matmul", [a, b], gradient=True)

# Shapes: reshape, permute, join, new and removed axes, broadcasting, gathers, masks.
case("reshape", "reshape", [[2, 3, 4]], {"shape": [6, 4]}, gradient=True)
case("reshape to vector", "reshape", [[2, 3, 4]], {"shape": [24]})
case("permute", "permute", [[2, 3, 4]], {"axes": [2, 0, 1]}, gradient=True)
case("transpose", "transpose", [[3, 4]], gradient=True)
case("concatenate axis 0", "concatenate", [[2, 3], [1, 3]], {"axis": 0}, gradient=True)
case("concatenate axis 1", "concatenate", [[2, 3], [2, 2]], {"axis": 1}, gradient=True)
for axis in [0, 1, 2]:
    case(f"stack axis {axis}", "stack", [[2, 3], [2, 3]], {"axis": axis}, gradient=(axis == 1))
case("expand dims 0", "expandDims", [[2, 3]], {"axis": 0})
case("expand dims 2", "expandDims", [[2, 3]], {"axis": 2})
case("squeeze", "squeeze", [[2, 1, 3]], {"axis": 1})
case("broadcast to", "broadcast", [[3, 1]], {"shape": [2, 3, 4]}, gradient=True)
case("take axis 0", "take", [[4, 3]], {"axis": 0, "indices": [2, 0, 2]}, gradient=True)
case("take axis 1", "take", [[2, 4, 3]], {"axis": 1, "indices": [3, 1]}, gradient=True)
case("where", "where", [[2, 3], [2, 3], [2, 3]], gradient=True)
case("x[x > 0]", "maskedSelect", [[3, 4]], gradient=True)
case("x[x < 0] = 0.5", "maskedFill", [[3, 4]], gradient=True)
for op in ["greater", "less", "greaterEqual", "lessEqual"]:
    case(f"{op} broadcast", op, [[2, 3], [3]])

# Order statistics, running sums, norms, repetition.
for axis in [0, 1, -1]:
    case(f"sorted axis {axis}", "sorted", [[3, 4, 5]], {"axis": axis}, gradient=(axis == -1))
    case(f"sorted descending axis {axis}", "sorted", [[3, 4, 5]], {"axis": axis, "descending": True})
    case(f"median axis {axis}", "median", [[3, 4, 5]], {"axis": axis}, gradient=(axis == 1))
    case(f"cumulativeSum axis {axis}", "cumulativeSum", [[3, 4, 5]], {"axis": axis}, gradient=(axis == 0))
    case(f"norm axis {axis}", "norm", [[3, 4, 5]], {"axis": axis}, gradient=(axis == -1))
for q in [0.0, 0.25, 0.5, 0.9, 1.0]:
    case(f"quantile {q} axis 1", "quantile", [[3, 4, 5]], {"axis": 1, "q": q}, gradient=(q == 0.25))
case("quantile 0.5 of 4 (the mean of the middle two)", "quantile", [[3, 4]], {"axis": 1, "q": 0.5})
case("median of 4 (the lower middle)", "median", [[3, 4]], {"axis": 1})
case("norm all", "norm", [[3, 4]], gradient=True)
case("tiled", "tiled", [[2, 3]], {"shape": [2, 3]}, gradient=True)
case("tiled with a new axis", "tiled", [[3]], {"shape": [2, 2]})
case("repeated axis 0", "repeated", [[2, 3]], {"axis": 0, "count": 3}, gradient=True)
case("repeated axis 1", "repeated", [[2, 3]], {"axis": 1, "count": 2})

case("diagonal", "diagonal", [[3, 4]], gradient=True)
case("diagonal batched", "diagonal", [[2, 4, 3]], gradient=True)
case("trace", "trace", [[3, 3]], gradient=True)
case("trace batched", "trace", [[2, 3, 3]])

# Linear algebra on symmetric positive-definite matrices (so every operation is defined).
case("inverse", "inverse", [[3, 3]], domain="spd", gradient=True)
case("solve vector", "solve", [[3, 3], [3]], domain=["spd", "real"], gradient=True)
case("solve matrix", "solve", [[3, 3], [3, 2]], domain=["spd", "real"], gradient=True)
case("logDeterminant", "logDeterminant", [[4, 4]], domain="spd", gradient=True)
case("cholesky", "cholesky", [[4, 4]], domain="spd", gradient=True)
case("eigenvalues", "eigenvalues", [[4, 4]], domain="spd", gradient=True)
case("singular values", "singularValues", [[3, 5]])

# Convolutions (cross-correlation, channels first): padding, strides and dilations per axis, no
# bias, a 1×1 kernel, and the causal dilated 1-D convolution (PyTorch: left padding, then conv1d).
case("conv2d", "conv2d", [[2, 3, 6, 5], [4, 3, 3, 3], [4]], gradient=True)
case("conv2d padded", "conv2d", [[2, 2, 5, 5], [3, 2, 3, 3], [3]], {"padding": [1]}, gradient=True)
case("conv2d 5×5 padded 2", "conv2d", [[1, 1, 8, 8], [4, 1, 5, 5], [4]], {"padding": [2]}, gradient=True)
case("conv2d stride 2", "conv2d", [[2, 2, 7, 6], [3, 2, 3, 3]], {"stride": [2], "padding": [1]}, gradient=True)
case("conv2d per-axis settings", "conv2d", [[1, 2, 9, 8], [2, 2, 3, 2], [2]],
     {"stride": [2, 1], "padding": [1, 2], "dilation": [2, 3]}, gradient=True)
case("conv2d 1×1", "conv2d", [[2, 4, 3, 3], [5, 4, 1, 1], [5]], gradient=True)
case("conv1d", "conv1d", [[2, 3, 9], [4, 3, 3], [4]], {"padding": [1]}, gradient=True)
case("conv1d stride dilation", "conv1d", [[2, 2, 12], [3, 2, 3], [3]], {"stride": [2], "dilation": [3]}, gradient=True)
case("conv1d causal dilated", "conv1d", [[2, 2, 10], [3, 2, 2], [3]], {"dilation": [4], "causal": True}, gradient=True)
case("conv1d causal stride", "conv1d", [[1, 2, 9], [2, 2, 3], [2]], {"stride": [2], "dilation": [2], "causal": True}, gradient=True)

# Losses, each with every reduction, and their gradients with respect to every input; written
# beside the NeuralNetworks tests that read them (losses live in that module).
def loss(op, inputs, reduction):
    if op == "meanSquaredError":
        return F.mse_loss(inputs[0], inputs[1], reduction=reduction)
    if op == "binaryCrossEntropy":
        return F.binary_cross_entropy_with_logits(inputs[0], inputs[1], reduction=reduction)
    if op == "crossEntropyLabels":
        return F.cross_entropy(inputs[0], inputs[1].long(), reduction=reduction)
    if op == "crossEntropyProbabilities":
        return F.cross_entropy(inputs[0], inputs[1], reduction=reduction)
    if op == "gaussianNegativeLogLikelihood":
        return F.gaussian_nll_loss(inputs[0], inputs[2], inputs[1].exp(), full=True, eps=1e-300, reduction=reduction)
    normal = torch.distributions.Normal
    if op == "klDivergence":
        terms = torch.distributions.kl_divergence(normal(inputs[0], (0.5 * inputs[1]).exp()), normal(inputs[2], (0.5 * inputs[3]).exp()))
    elif op == "klDivergenceFromStandardNormal":
        terms = torch.distributions.kl_divergence(normal(inputs[0], (0.5 * inputs[1]).exp()), normal(0.0, 1.0))
    else:
        raise ValueError(op)
    return {"mean": terms.mean(), "sum": terms.sum(), "none": terms}[reduction]


losses = []
generator.manual_seed(20261203)  # its own draws: adding an operation case above leaves these alone
for reduction in ["mean", "sum", "none"]:
    shape = [4, 3]
    sets = {
        "meanSquaredError": [draw(shape), draw(shape)],
        "binaryCrossEntropy": [draw(shape), torch.rand(shape, generator=generator)],
        "crossEntropyLabels": [draw(shape), torch.tensor([2.0, 0.0, 1.0, 2.0])],
        "crossEntropyProbabilities": [draw(shape), torch.softmax(draw(shape), dim=1)],
        "gaussianNegativeLogLikelihood": [draw(shape), draw(shape, "small"), draw(shape)],
        "klDivergence": [draw(shape), draw(shape, "small"), draw(shape), draw(shape, "small")],
        "klDivergenceFromStandardNormal": [draw(shape), draw(shape, "small")],
    }
    for op, inputs in sets.items():
        differentiable = [i for i in range(len(inputs)) if not (op == "crossEntropyLabels" and i == 1)]
        leaves = [t.clone().requires_grad_(i in differentiable) for i, t in enumerate(inputs)]
        out = loss(op, leaves, reduction)
        weight = draw(list(out.shape))
        (out * weight).sum().backward()
        losses.append({"name": f"{op} {reduction}", "op": op, "reduction": reduction,
                       "inputs": [encode(t) for t in inputs], "output": encode(out), "weight": encode(weight),
                       "gradients": [encode(leaves[i].grad) if i in differentiable else None for i in range(len(inputs))]})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "..", "NeuralNetworksTests", "PyTorchOracle", "loss_cases.json"), "w") as f:
    json.dump({"producer": f"PyTorch {torch.__version__}, float64", "losses": losses}, f)
    f.write("\n")
print(f"{len(losses)} loss cases")
with open(os.path.join(here, "cases.json"), "w") as f:
    json.dump({"producer": f"PyTorch {torch.__version__}, float64", "operations": ops, "gradients": gradients}, f)
    f.write("\n")
print(f"{len(ops)} operation cases, {len(gradients)} gradient cases")
