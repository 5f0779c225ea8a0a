/// The operators of Swift's standard library for the types cells use.
extension Registry {
    func registerOperators() {
        func int(_ v: Value) -> Int { if case .int(let i) = v { return i }; return 0 }
        func double(_ v: Value) -> Double { if case .double(let d) = v { return d }; return 0 }
        func bool(_ v: Value) -> Bool { if case .bool(let b) = v { return b }; return false }
        func string(_ v: Value) -> String { if case .string(let s) = v { return s }; return "" }

        // Int
        let intArithmetic: [(String, Intrinsic, (Int, Int, Int) throws(CellFailure) -> Int)] = [
            ("+", .intAdd, { x, y, p throws(CellFailure) in let (r, o) = x.addingReportingOverflow(y); if o { throw overflow("+", x, y, p) }; return r }),
            ("-", .intSubtract, { x, y, p throws(CellFailure) in let (r, o) = x.subtractingReportingOverflow(y); if o { throw overflow("-", x, y, p) }; return r }),
            ("*", .intMultiply, { x, y, p throws(CellFailure) in let (r, o) = x.multipliedReportingOverflow(by: y); if o { throw overflow("*", x, y, p) }; return r }),
            ("/", .intDivide, { x, y, p throws(CellFailure) in
                if y == 0 { throw divisionByZero(false, p) }
                let (r, o) = x.dividedReportingOverflow(by: y); if o { throw overflow("/", x, y, p) }; return r }),
            ("%", .intRemainder, { x, y, p throws(CellFailure) in
                if y == 0 { throw divisionByZero(true, p) }
                let (r, o) = x.remainderReportingOverflow(dividingBy: y); if o { throw overflow("%", x, y, p) }; return r }),
            ("&", .intBitAnd, { x, y, _ in x & y }), ("|", .intBitOr, { x, y, _ in x | y }), ("^", .intBitXor, { x, y, _ in x ^ y }),
            ("<<", .intShiftLeft, { x, y, _ in x << y }), (">>", .intShiftRight, { x, y, _ in x >> y }),
            ("&+", .intWrappingAdd, { x, y, _ in x &+ y }), ("&-", .intWrappingSubtract, { x, y, _ in x &- y }),
            ("&*", .intWrappingMultiply, { x, y, _ in x &* y }),
        ]
        for (op, intrinsic, f) in intArithmetic {
            function("func \(op) (lhs: Int, rhs: Int) -> Int", intrinsic: intrinsic) { call in
                .int(try f(int(call[0]), int(call[1]), call.position))
            }
        }
        let comparisons: [(String, Intrinsic, Intrinsic, (Int, Int) -> Bool, (Double, Double) -> Bool)] = [
            ("<", .intLess, .doubleLess, { $0 < $1 }, { $0 < $1 }), ("<=", .intLessEqual, .doubleLessEqual, { $0 <= $1 }, { $0 <= $1 }),
            (">", .intGreater, .doubleGreater, { $0 > $1 }, { $0 > $1 }), (">=", .intGreaterEqual, .doubleGreaterEqual, { $0 >= $1 }, { $0 >= $1 }),
            ("==", .intEqual, .doubleEqual, { $0 == $1 }, { $0 == $1 }), ("!=", .intNotEqual, .doubleNotEqual, { $0 != $1 }, { $0 != $1 }),
        ]
        for (op, i, d, fi, fd) in comparisons {
            function("func \(op) (lhs: Int, rhs: Int) -> Bool", intrinsic: i) { call in .bool(fi(int(call[0]), int(call[1]))) }
            function("func \(op) (lhs: Double, rhs: Double) -> Bool", intrinsic: d) { call in .bool(fd(double(call[0]), double(call[1]))) }
        }
        function("prefix func - (x: Int) -> Int", intrinsic: .intNegate) { call in
            let x = int(call[0])
            if x == Int.min { throw overflow("-", 0, x, call.position) }
            return .int(-x)
        }
        function("prefix func + (x: Int) -> Int", intrinsic: .intIdentity) { call in call[0] }
        function("prefix func ~ (x: Int) -> Int", intrinsic: .intBitNot) { call in .int(~int(call[0])) }

        // Double
        let doubleArithmetic: [(String, Intrinsic, (Double, Double) -> Double)] = [
            ("+", .doubleAdd, { $0 + $1 }), ("-", .doubleSubtract, { $0 - $1 }), ("*", .doubleMultiply, { $0 * $1 }), ("/", .doubleDivide, { $0 / $1 }),
        ]
        for (op, intrinsic, f) in doubleArithmetic {
            function("func \(op) (lhs: Double, rhs: Double) -> Double", intrinsic: intrinsic) { call in .double(f(double(call[0]), double(call[1]))) }
        }
        function("prefix func - (x: Double) -> Double", intrinsic: .doubleNegate) { call in .double(-double(call[0])) }
        function("prefix func + (x: Double) -> Double", intrinsic: .doubleIdentity) { call in call[0] }

        // Bool
        function("func == (lhs: Bool, rhs: Bool) -> Bool", intrinsic: .boolEqual) { call in .bool(bool(call[0]) == bool(call[1])) }
        function("func != (lhs: Bool, rhs: Bool) -> Bool", intrinsic: .boolNotEqual) { call in .bool(bool(call[0]) != bool(call[1])) }

        // String
        function("func + (lhs: String, rhs: String) -> String", intrinsic: .stringConcat) { call in .string(string(call[0]) + string(call[1])) }

        // Generic equality and order, for every Equatable and Comparable type.
        function("func == <T: Equatable>(lhs: T, rhs: T) -> Bool") { call in
            .bool(try call.context.runtime.equal(call[0], call[1], type: call.typeArguments[0], call.context, at: call.position))
        }
        function("func != <T: Equatable>(lhs: T, rhs: T) -> Bool") { call in
            .bool(!(try call.context.runtime.equal(call[0], call[1], type: call.typeArguments[0], call.context, at: call.position)))
        }
        for op in ["<", ">", "<=", ">="] {
            function("func \(op) <T: Comparable>(lhs: T, rhs: T) -> Bool") { call in
                let runtime = call.context.runtime, t = call.typeArguments[0]
                switch op {
                case "<": return .bool(try runtime.less(call[0], call[1], type: t, call.context, at: call.position))
                case ">": return .bool(try runtime.less(call[1], call[0], type: t, call.context, at: call.position))
                case "<=": return .bool(!(try runtime.less(call[1], call[0], type: t, call.context, at: call.position)))
                default: return .bool(!(try runtime.less(call[0], call[1], type: t, call.context, at: call.position)))
                }
            }
        }

        // Generic arithmetic (`func sum<T: Numeric>`): run as the concrete type's own operator.
        let generic: [(String, String, [(Int, Int, Int) throws(CellFailure) -> Int]?, ((Double, Double) -> Double)?)] = [
            ("+", "AdditiveArithmetic", [intArithmetic[0].2], { $0 + $1 }),
            ("-", "AdditiveArithmetic", [intArithmetic[1].2], { $0 - $1 }),
            ("*", "Numeric", [intArithmetic[2].2], { $0 * $1 }),
            ("/", "BinaryInteger", [intArithmetic[3].2], nil),
            ("%", "BinaryInteger", [intArithmetic[4].2], nil),
            ("/", "FloatingPoint", nil, { $0 / $1 }),
        ]
        for (op, proto, intOp, doubleOp) in generic {
            function("func \(op) <T: \(proto)>(lhs: T, rhs: T) -> T", doc: "\(op) of any \(proto) type, as that type defines it.") { call in
                let t = call.context.concrete(call.typeArguments[0])
                switch (t, call[0], call[1]) {
                case (.int, .int(let x), .int(let y)):
                    guard let f = intOp?.first else { break }
                    return .int(try f(x, y, call.position))
                case (.double, .double(let x), .double(let y)):
                    guard let f = doubleOp else { break }
                    return .double(f(x, y))
                default:
                    if let user = call.context.runtime.userOperator(op, for: t) {
                        return try call.context.runtime.call(user, receiver: .metatype(t), arguments: [call[0], call[1]],
                                                             typeArguments: [], call.context, at: call.position, callerSource: nil)
                    }
                }
                throw call.fail("'\(op)' is not available for values of type '\(t)' here")
            }
        }
        function("prefix func - <T: SignedNumeric>(x: T) -> T", doc: "The negation of any signed number.") { call in
            switch call[0] {
            case .int(let x):
                if x == Int.min { throw overflow("-", 0, x, call.position) }
                return .int(-x)
            case .double(let x): return .double(-x)
            default: throw call.fail("unary '-' is not available for values of type '\(call.context.concrete(call.typeArguments[0]))' here")
            }
        }

        // Ranges of Ints.
        function("func ..< (minimum: Int, maximum: Int) -> Range<Int>", intrinsic: .halfOpenIntRange) { call in
            let l = int(call[0]), u = int(call[1])
            guard l <= u else { throw call.fail("Fatal error: Range requires lowerBound <= upperBound") }
            return .intRange(l, u)
        }
        function("func ... (minimum: Int, maximum: Int) -> ClosedRange<Int>", intrinsic: .closedIntRange) { call in
            let l = int(call[0]), u = int(call[1])
            guard l <= u else { throw call.fail("Fatal error: Range requires lowerBound <= upperBound") }
            return .intRange(l, u)
        }
    }
}
