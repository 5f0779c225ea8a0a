import Foundation

extension Registry {
    /// Int, Double and Bool: initializers, constants, members, and the math functions.
    func registerNumbers() {
        let s = standard
        extend(s.int) { t in
            t.initializer("init(_ value: Double)", doc: "Truncates toward zero; a value out of Int's range stops the cell.",
                          intrinsic: .doubleToInt) { call in .int(try doubleToInt(call.double(0), at: call.position)) }
            t.initializer("init(_ value: Int)", intrinsic: .sameNumber) { call in call[0] }
            t.initializer("init?(exactly value: Double)", doc: "The Double as an Int if it is a whole number that fits, else nil.") { call in
                Int(exactly: call.double(0)).map(Value.int) ?? .none
            }
            t.initializer("init?<S: StringProtocol>(_ text: S, radix: Int = 10)", doc: "The number written in the text, or nil.") { call in
                let radix = call.int(1)
                guard (2...36).contains(radix) else { throw call.fail("Fatal error: Radix must be between 2 and 36") }
                return Int(call.string(0), radix: radix).map(Value.int) ?? .none
            }
            t.property("static var max: Int", doc: "The largest Int.", get: { _, _ in .int(Int.max) })
            t.property("static var min: Int", doc: "The smallest Int.", get: { _, _ in .int(Int.min) })
            t.property("static var zero: Int", get: { _, _ in .int(0) })
            t.property("static var bitWidth: Int", get: { _, _ in .int(Int.bitWidth) })
            t.property("var description: String", get: { v, _ in .string(String(v.intValue)) })
            t.property("var magnitude: Int", doc: "The absolute value (as an Int here; Swift's is a UInt).", get: { v, _ in
                let x = v.intValue
                guard x != Int.min else { throw CellFailure(.unsupported, "the magnitude of Int.min does not fit in an Int") }
                return .int(Swift.abs(x))
            })
            t.property("var nonzeroBitCount: Int", get: { v, _ in .int(v.intValue.nonzeroBitCount) })
            t.property("var leadingZeroBitCount: Int", get: { v, _ in .int(v.intValue.leadingZeroBitCount) })
            t.property("var trailingZeroBitCount: Int", get: { v, _ in .int(v.intValue.trailingZeroBitCount) })
            t.method("func isMultiple(of other: Int) -> Bool") { call in .bool(call.receiver.intValue.isMultiple(of: call.int(0))) }
            t.method("func signum() -> Int") { call in .int(call.receiver.intValue.signum()) }
            t.method("func quotientAndRemainder(dividingBy rhs: Int) -> (quotient: Int, remainder: Int)") { call in
                let d = call.int(0)
                if d == 0 { throw divisionByZero(false, call.position) }
                let (q, r) = call.receiver.intValue.quotientAndRemainder(dividingBy: d)
                return .tuple([.int(q), .int(r)])
            }
            t.method("func addingReportingOverflow(_ other: Int) -> (partialValue: Int, overflow: Bool)") { call in
                let (r, o) = call.receiver.intValue.addingReportingOverflow(call.int(0))
                return .tuple([.int(r), .bool(o)])
            }
            t.method("func multipliedReportingOverflow(by other: Int) -> (partialValue: Int, overflow: Bool)") { call in
                let (r, o) = call.receiver.intValue.multipliedReportingOverflow(by: call.int(0))
                return .tuple([.int(r), .bool(o)])
            }
            t.method("func advanced(by n: Int) -> Int") { call in
                let (r, o) = call.receiver.intValue.addingReportingOverflow(call.int(0))
                if o { throw overflow("+", call.receiver.intValue, call.int(0), call.position) }
                return .int(r)
            }
            t.method("func distance(to other: Int) -> Int") { call in
                let (r, o) = call.int(0).subtractingReportingOverflow(call.receiver.intValue)
                if o { throw overflow("-", call.int(0), call.receiver.intValue, call.position) }
                return .int(r)
            }
            t.method("static func random(in range: Range<Int>) -> Int", doc: "A uniform draw from the notebook's seeded generator.") { call in
                guard case .intRange(let l, let u) = call[0], l < u else { throw call.fail("Fatal error: Can't get random value with an empty range") }
                var g = call.context.generator
                return .int(Int.random(in: l..<u, using: &g))
            }
            t.method("static func random(in range: ClosedRange<Int>) -> Int", doc: "A uniform draw from the notebook's seeded generator.") { call in
                guard case .intRange(let l, let u) = call[0] else { return .int(0) }
                var g = call.context.generator
                return .int(Int.random(in: l...u, using: &g))
            }
        }

        extend(s.double) { t in
            t.initializer("init(_ value: Int)", doc: "The Int as a Double (rounded to the nearest Double).", intrinsic: .intToDouble) { call in
                .double(Double(call.int(0)))
            }
            t.initializer("init(_ value: Double)", intrinsic: .sameNumber) { call in call[0] }
            t.initializer("init?<S: StringProtocol>(_ text: S)", doc: "The number written in the text, or nil.") { call in
                Double(call.string(0)).map(Value.double) ?? .none
            }
            t.property("static var pi: Double", doc: "π.", get: { _, _ in .double(Double.pi) })
            t.property("static var infinity: Double", get: { _, _ in .double(Double.infinity) })
            t.property("static var nan: Double", get: { _, _ in .double(Double.nan) })
            t.property("static var greatestFiniteMagnitude: Double", get: { _, _ in .double(Double.greatestFiniteMagnitude) })
            t.property("static var leastNormalMagnitude: Double", get: { _, _ in .double(Double.leastNormalMagnitude) })
            t.property("static var leastNonzeroMagnitude: Double", get: { _, _ in .double(Double.leastNonzeroMagnitude) })
            t.property("static var ulpOfOne: Double", doc: "The gap between 1 and the next Double.", get: { _, _ in .double(Double.ulpOfOne) })
            t.property("static var zero: Double", get: { _, _ in .double(0) })
            t.property("var description: String", get: { v, _ in .string(formatDouble(v.doubleValue, signedNaN: false)) })
            t.property("var isNaN: Bool", get: { v, _ in .bool(v.doubleValue.isNaN) })
            t.property("var isFinite: Bool", get: { v, _ in .bool(v.doubleValue.isFinite) })
            t.property("var isInfinite: Bool", get: { v, _ in .bool(v.doubleValue.isInfinite) })
            t.property("var isZero: Bool", get: { v, _ in .bool(v.doubleValue.isZero) })
            t.property("var magnitude: Double", get: { v, _ in .double(v.doubleValue.magnitude) })
            t.property("var ulp: Double", get: { v, _ in .double(v.doubleValue.ulp) })
            t.property("var nextUp: Double", get: { v, _ in .double(v.doubleValue.nextUp) })
            t.property("var nextDown: Double", get: { v, _ in .double(v.doubleValue.nextDown) })
            t.method("func squareRoot() -> Double", intrinsic: .doubleFunction("sqrt")) { call in .double(call.receiver.doubleValue.squareRoot()) }
            t.method("func rounded() -> Double", doc: "The nearest whole number, halves away from zero.") { call in
                .double(call.receiver.doubleValue.rounded())
            }
            t.method("func rounded(_ rule: FloatingPointRoundingRule) -> Double") { call in
                .double(call.receiver.doubleValue.rounded(roundingRule(call[0])))
            }
            t.method("mutating func round()") { call in
                call.receiver = .double(call.receiver.doubleValue.rounded())
                return .void
            }
            t.method("func truncatingRemainder(dividingBy other: Double) -> Double") { call in
                .double(call.receiver.doubleValue.truncatingRemainder(dividingBy: call.double(0)))
            }
            t.method("func remainder(dividingBy other: Double) -> Double") { call in
                .double(call.receiver.doubleValue.remainder(dividingBy: call.double(0)))
            }
            t.method("func addingProduct(_ lhs: Double, _ rhs: Double) -> Double") { call in
                .double(call.receiver.doubleValue.addingProduct(call.double(0), call.double(1)))
            }
            t.method("static func random(in range: Range<Double>) -> Double", doc: "A uniform draw from the notebook's seeded generator.") { call in
                guard case .range(let box) = call[0], let l = box.lower?.doubleValue, let u = box.upper?.doubleValue, l < u, (u - l).isFinite else {
                    throw call.fail("Fatal error: Can't get random value with an empty or infinite range")
                }
                var g = call.context.generator
                return .double(Double.random(in: l..<u, using: &g))
            }
            t.method("static func random(in range: ClosedRange<Double>) -> Double", doc: "A uniform draw from the notebook's seeded generator.") { call in
                guard case .range(let box) = call[0], let l = box.lower?.doubleValue, let u = box.upper?.doubleValue, (u - l).isFinite else {
                    throw call.fail("Fatal error: Can't get random value with an infinite range")
                }
                var g = call.context.generator
                return .double(Double.random(in: l...u, using: &g))
            }
            t.method("static func maximum(_ x: Double, _ y: Double) -> Double") { call in .double(Double.maximum(call.double(0), call.double(1))) }
            t.method("static func minimum(_ x: Double, _ y: Double) -> Double") { call in .double(Double.minimum(call.double(0), call.double(1))) }
        }

        // Conversions on a generic number (`T(xs.count)` where T: BinaryFloatingPoint).
        extend(s.binaryFloatingPoint) { t in
            t.initializer("init(_ value: Int)", doc: "The Int as this floating-point type.") { call in
                try convertNumber(call[0], to: call.typeArguments[0], call)
            }
            t.initializer("init(_ value: Double)", doc: "The Double as this floating-point type.") { call in
                try convertNumber(call[0], to: call.typeArguments[0], call)
            }
        }
        extend(s.binaryInteger) { t in
            t.initializer("init(_ value: Int)", doc: "The Int as this integer type.") { call in
                try convertNumber(call[0], to: call.typeArguments[0], call)
            }
            t.initializer("init(_ value: Double)", doc: "The Double, truncated toward zero, as this integer type.") { call in
                try convertNumber(call[0], to: call.typeArguments[0], call)
            }
        }

        extend(s.floatingPointSign) { t in
            for (i, name) in ["plus", "minus"].enumerated() {
                let c = EnumCaseDecl(name: name, payload: nil, index: i)
                c.owner = s.floatingPointSign
                s.floatingPointSign.cases.append(c)
                s.floatingPointSign.addStatic(.enumCase(c))
            }
            _ = t
        }
        extend(s.double) { t in
            t.property("var sign: FloatingPointSign", doc: ".minus for negative values (and -0.0), else .plus.", get: { v, _ in
                .enumValue(v.doubleValue.sign == .minus ? 1 : 0, nil)
            })
        }

        extend(s.roundingRule) { t in
            for (i, name) in ["toNearestOrAwayFromZero", "toNearestOrEven", "up", "down", "towardZero", "awayFromZero"].enumerated() {
                let c = EnumCaseDecl(name: name, payload: nil, index: i)
                c.owner = s.roundingRule
                s.roundingRule.cases.append(c)
                s.roundingRule.addStatic(.enumCase(c))
            }
            _ = t
        }

        extend(s.bool) { t in
            t.initializer("init(_ value: Bool)", intrinsic: .sameNumber) { call in call[0] }
            t.initializer("init?(_ description: String)") { call in
                switch call.string(0) {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: return .none
                }
            }
            t.method("mutating func toggle()", doc: "Flips the value.") { call in
                call.receiver = .bool(!call.receiver.boolValue)
                return .void
            }
            t.property("var description: String", get: { v, _ in .string(v.boolValue ? "true" : "false") })
            t.method("static func random() -> Bool", doc: "A fair coin from the notebook's seeded generator.") { call in
                var g = call.context.generator
                return .bool(Bool.random(using: &g))
            }
        }

        registerMathFunctions()
    }

    private func registerMathFunctions() {
        for (name, doc) in [("sqrt", "Square root."), ("exp", "e raised to x."), ("log", "Natural logarithm."), ("log2", "Base-2 logarithm."),
                            ("log10", "Base-10 logarithm."), ("log1p", "log(1 + x), accurate for small x."),
                            ("expm1", "exp(x) − 1, accurate for small x."), ("sin", "Sine (radians)."), ("cos", "Cosine (radians)."),
                            ("tan", "Tangent (radians)."), ("asin", "Arc sine."), ("acos", "Arc cosine."), ("atan", "Arc tangent."),
                            ("sinh", "Hyperbolic sine."), ("cosh", "Hyperbolic cosine."), ("tanh", "Hyperbolic tangent."),
                            ("floor", "Largest whole number ≤ x."), ("ceil", "Smallest whole number ≥ x."),
                            ("round", "Nearest whole number, halves away from zero."), ("trunc", "x with its fraction dropped."),
                            ("fabs", "Absolute value."), ("cbrt", "Cube root.")] {
            let f = doubleFunctions[name]!
            function("func \(name)(_ x: Double) -> Double", doc: doc, topic: "Mathematics", intrinsic: .doubleFunction(name)) { call in
                .double(f(call.double(0)))
            }
        }
        function("func pow(_ x: Double, _ y: Double) -> Double", doc: "x raised to the power y.", topic: "Mathematics") { call in
            .double(Foundation.pow(call.double(0), call.double(1)))
        }
        function("func atan2(_ y: Double, _ x: Double) -> Double", doc: "The angle of the point (x, y).", topic: "Mathematics") { call in
            .double(Foundation.atan2(call.double(0), call.double(1)))
        }
        function("func hypot(_ x: Double, _ y: Double) -> Double", doc: "√(x² + y²) without overflow.", topic: "Mathematics") { call in
            .double(Foundation.hypot(call.double(0), call.double(1)))
        }
        function("func fmod(_ x: Double, _ y: Double) -> Double", doc: "The remainder of x / y, with the sign of x.", topic: "Mathematics") { call in
            .double(Foundation.fmod(call.double(0), call.double(1)))
        }
        function("func abs<T: SignedNumeric & Comparable>(_ x: T) -> T", doc: "Absolute value.", topic: "Mathematics") { call in
            switch call[0] {
            case .int(let i):
                if i == Int.min { throw call.fail("Fatal error: Negation overflows") }
                return .int(Swift.abs(i))
            case .double(let d): return .double(Swift.abs(d))
            default: throw call.fail("abs is not available for this type in cells")
            }
        }
        function("func min<T: Comparable>(_ x: T, _ y: T) -> T", doc: "The smaller of two values.", topic: "Mathematics") { call in
            try call.less(call[1], call[0], type: call.typeArguments[0]) ? call[1] : call[0]
        }
        function("func max<T: Comparable>(_ x: T, _ y: T) -> T", doc: "The larger of two values.", topic: "Mathematics") { call in
            try call.less(call[1], call[0], type: call.typeArguments[0]) ? call[0] : call[1]
        }
        function("func min<T: Comparable>(_ x: T, _ y: T, _ z: T, _ rest: T...) -> T", doc: "The smallest of the values.") { call in
            var best = call[0]
            for v in [call[1], call[2]] + call.array(3) where try call.less(v, best, type: call.typeArguments[0]) { best = v }
            return best
        }
        function("func max<T: Comparable>(_ x: T, _ y: T, _ z: T, _ rest: T...) -> T", doc: "The largest of the values.") { call in
            var best = call[0]
            for v in [call[1], call[2]] + call.array(3) where !(try call.less(v, best, type: call.typeArguments[0])) { best = v }
            return best
        }
    }
}

/// A `FloatingPointRoundingRule` case as Swift's.
func roundingRule(_ v: Value) -> FloatingPointRoundingRule {
    guard case .enumValue(let i, _) = v else { return .toNearestOrAwayFromZero }
    return [.toNearestOrAwayFromZero, .toNearestOrEven, .up, .down, .towardZero, .awayFromZero][i]
}

/// A number converted to the concrete type a generic parameter stands for.
private func convertNumber(_ v: Value, to type: CellType, _ call: NativeCall) throws(CellFailure) -> Value {
    switch (call.context.concrete(type), v) {
    case (.double, .int(let i)): return .double(Double(i))
    case (.double, .double): return v
    case (.int, .int): return v
    case (.int, .double(let d)):
        guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else {
            throw call.fail("Fatal error: Double value cannot be converted to Int because it is either infinite, NaN or outside the range of Int")
        }
        return .int(Int(d))
    case (let t, _): throw call.fail("cannot convert a number to '\(t)' here")
    }
}
