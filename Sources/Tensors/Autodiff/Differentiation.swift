/// Reverse-mode differentiation of scalar functions of tensors.
///
/// Only inside these functions are tensors tracked: the inputs become leaves of a fresh tape, every
/// operation on tracked tensors appends its backward rule (see `Backward`), and one reverse sweep
/// gives the gradients. Outside, no tape exists and operations pay nothing for differentiation.
/// Nested differentiation (a gradient of a gradient) is not supported and throws.

/// The value of the scalar function `f` at `inputs` and its gradient with respect to each input.
/// Inputs that `f` does not use get zero gradients. Throws when `f` throws or returns more than one
/// element, and when the result does not depend on any input through tracked operations (a
/// constant, or numbers read out of the graph with `.scalars`): PyTorch refuses the same, and a
/// gradient of zeros there would be a silent wrong answer. When values were read out (see
/// `Tensor.noteReadAsNumbers`) and an input gets no gradient, that is refused too.
public func valueAndGrad(
    at inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor
) throws -> (value: Tensor, gradients: [Tensor]) {
    for input in inputs {
        input.tracker?.tape.fail("a tensor being differentiated was passed to an inner valueAndGrad; nested differentiation is not supported")
    }
    let tape = Tape()
    let variables = inputs.map { tape.variable($0) }
    let output = try f(variables)
    guard output.count == 1 else {
        throw TensorError.differentiation("the function must return one element, not a tensor of shape \(output.shape)")
    }
    let value = output.detached
    try tape.checkUsable()
    guard let tracker = output.tracker, tracker.tape === tape else {
        throw TensorError.differentiation(cutMessage("the result does not depend on the input through operations that can be differentiated", tape.cuts))
    }
    let grads = try tape.backward(from: tracker, shape: output.shape)
    let cuts = tape.cuts
    if !cuts.isEmpty, let unreached = variables.firstIndex(where: { grads[$0.tracker!.id] == nil }) {
        throw TensorError.differentiation(cutMessage("input \(unreached + 1) does not reach the result through operations that can be differentiated", cuts))
    }
    let gradients = zip(inputs, variables).map { input, variable in
        grads[variable.tracker!.id].map { $0.reshapedUnchecked(input.shape).detached } ?? Tensor.zeros(like: input)
    }
    return (value, gradients)
}

/// The value of the scalar function `f` at `x` and its gradient there.
public func valueAndGrad(at x: Tensor, _ f: (Tensor) throws -> Tensor) throws -> (value: Tensor, gradient: Tensor) {
    let (value, gradients) = try valueAndGrad(at: [x]) { try f($0[0]) }
    return (value, gradients[0])
}

/// The gradient of the scalar function `f` at `x`.
public func grad(at x: Tensor, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
    try valueAndGrad(at: x, f).gradient
}

/// The gradients of the scalar function `f` with respect to each of `inputs`.
public func grad(at inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor) throws -> [Tensor] {
    try valueAndGrad(at: inputs, f).gradients
}

/// `f` turned into a function returning its value and gradient (MLX's `valueAndGrad(f)`).
public func valueAndGrad(_ f: @escaping (Tensor) throws -> Tensor) -> (Tensor) throws -> (value: Tensor, gradient: Tensor) {
    { x in try valueAndGrad(at: x, f) }
}

/// `f` turned into a function returning its gradient (MLX's `grad(f)`).
public func grad(_ f: @escaping (Tensor) throws -> Tensor) -> (Tensor) throws -> Tensor {
    { x in try grad(at: x, f) }
}

/// Why a differentiation has no path from an input to the result, with the cuts that explain it.
private func cutMessage(_ what: String, _ cuts: [String]) -> String {
    guard !cuts.isEmpty else {
        return what + ": the result is a constant, or was built from plain numbers (Tensor(…) of values, .detached)"
    }
    return what + ": the graph was cut where " + cuts.joined(separator: ", ")
        + " read a tensor being differentiated as plain numbers; compute with tensor operations instead (x * x, not Tensor(x.scalars.map { $0 * $0 }))"
}
