import Foundation

/// Names the language itself knows, offered in "did you mean".
enum Builtins {
    static let keywords = ["true", "false", "nil", "let", "var", "func", "return", "for", "while", "if", "else", "guard"]
}

extension Registry {
    /// The language's own functions and the built-in value types' members.
    func registerCore() {
        function(NativeFunction("print(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")",
                                doc: "Writes the items' text to the cell's output, as Swift's print does.") { call in
            let separator = try call.string(1, default: " ")
            let terminator = try call.string(2, default: "\n")
            call.write(call.values(0).map(\.printed).joined(separator: separator) + terminator)
            return .void
        }, topic: "Output")
        function(NativeFunction("show(_ value: Any)", doc: "Displays a value under the cell, as a top-level expression would.") { call in
            if let v = call.value(0) { try call.display(v) }
            return .void
        }, topic: "Output")
        function(NativeFunction("expect(_ condition: Bool, _ message: String = \"\")",
                                doc: "Fails the cell with the message when the condition is false: claims the notes make are checked.") { call in
            if try !call.bool(0) {
                let message = try call.string(1, default: "")
                throw CellFailure(.expectation, message.isEmpty ? "expectation failed" : "expectation failed: \(message)")
            }
            return .void
        }, topic: "Output")

        registerMath()
        registerNumbers()
        registerStrings()
        registerSequences()
    }

    private func registerMath() {
        let unary: [(String, String, (Double) -> Double)] = [
            ("sqrt", "Square root.", { $0.squareRoot() }),
            ("exp", "e raised to x.", { Foundation.exp($0) }),
            ("log", "Natural logarithm.", { Foundation.log($0) }),
            ("log2", "Base-2 logarithm.", { Foundation.log2($0) }),
            ("log10", "Base-10 logarithm.", { Foundation.log10($0) }),
            ("log1p", "log(1 + x), accurate for small x.", { Foundation.log1p($0) }),
            ("expm1", "exp(x) − 1, accurate for small x.", { Foundation.expm1($0) }),
            ("sin", "Sine (radians).", { Foundation.sin($0) }),
            ("cos", "Cosine (radians).", { Foundation.cos($0) }),
            ("tan", "Tangent (radians).", { Foundation.tan($0) }),
            ("tanh", "Hyperbolic tangent.", { Foundation.tanh($0) }),
            ("atan", "Arc tangent.", { Foundation.atan($0) }),
            ("floor", "Largest whole number ≤ x.", { $0.rounded(.down) }),
            ("ceil", "Smallest whole number ≥ x.", { $0.rounded(.up) }),
            ("round", "Nearest whole number, halves away from zero.", { $0.rounded() }),
        ]
        for (name, doc, f) in unary {
            // On a tensor, the elementwise version (exp(x) as x.exp()).
            let elementwise = Registry.tensorUnaries.first { $0.0 == name }?.2
            function(NativeFunction("\(name)(_ x: Double) -> Double", doc: doc + (elementwise == nil ? "" : " Elementwise on a Tensor.")) { call in
                if let elementwise, case .object(let t as TensorValue)? = call.value(0) { return .tensor(elementwise(t.tensor)) }
                return .double(f(try call.double(0)))
            }, topic: "Mathematics")
        }
        function(NativeFunction("pow(_ x: Double, _ y: Double) -> Double", doc: "x raised to the power y (elementwise on a Tensor).") { call in
            if case .object(let t as TensorValue)? = call.value(0) { return .tensor(try t.tensor.pow(try call.double(1))) }
            return .double(Foundation.pow(try call.double(0), try call.double(1)))
        }, topic: "Mathematics")
        function(NativeFunction("atan2(_ y: Double, _ x: Double) -> Double", doc: "The angle of the point (x, y).") { call in
            .double(Foundation.atan2(try call.double(0), try call.double(1)))
        }, topic: "Mathematics")
        function(NativeFunction("abs(_ x: Double) -> Double", doc: "Absolute value (an Int stays an Int; elementwise on a Tensor).") { call in
            switch call.value(0) {
            case .object(let t as TensorValue)?: return .tensor(t.tensor.abs())
            case .int(let i)?:
                guard i != Int.min else { throw call.fail("abs(Int.min) overflows") }
                return .int(Swift.abs(i))
            default: return .double(Swift.abs(try call.double(0)))
            }
        }, topic: "Mathematics")
        for (name, pickSmaller) in [("min", true), ("max", false)] {
            function(NativeFunction("\(name)(_ values: Double...) -> Double",
                                    doc: pickSmaller ? "The smallest of its arguments." : "The largest of its arguments.") { call in
                let values = call.values(0)
                guard var best = values.first else { throw call.fail("needs at least one value") }
                for v in values.dropFirst() {
                    guard case .bool(let less) = try applyBinary(.less, v, best, registry: self, at: 0) else { continue }
                    if less == pickSmaller && !valuesEqual(v, best) { best = v }
                }
                return best
            }, topic: "Mathematics")
        }
    }
}
