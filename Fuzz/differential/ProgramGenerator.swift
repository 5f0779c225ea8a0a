// The random program generator of the differential fuzzer: small, valid, terminating and
// deterministic Swift programs (top-level code that prints with `print` only) in the subset
// Lectern's cell interpreter implements. The driver (main.swift) compiles each program with
// swiftc, runs it through the interpreter, and compares what the two print.
//
// Validity is by construction, not by filtering:
// - every name is fresh, so nothing shadows or redeclares;
// - Int values carry a bound on their magnitude, and an operation is only generated when the
//   bound of its result stays small (no overflow); divisors are non-zero literals;
// - force unwraps and subscripts only touch collections whose count the generator knows;
// - loops have a fixed iteration count, recursion a small depth;
// - dictionaries and sets are only printed sorted (or when they hold at most one element).
// The programs also compile unchanged as the body of a function (the driver batches several
// programs into one executable that way): types are declared before use, local functions
// capture nothing declared after them, and no type is printed where Swift would show its
// module-qualified name (`[main.P(x: 1)]`) unless `Options.printsQualifiedTypeNames` is set.
//
// The generator is split by feature over this file (API, random source, program assembly),
// ProgramGenerator+Expressions.swift (typed expressions) and ProgramGenerator+Features.swift
// (one function per language feature).

/// Generates random Swift programs for differential testing, deterministically from a seed:
/// the same seed and options give the same sequence of programs on every machine.
///
///     var generator = ProgramGenerator(seed: 42)
///     let text = generator.program()   // "import Foundation\n…"
public struct ProgramGenerator {
    /// The language features a program may use; each is one kind of chunk of code.
    public enum Feature: String, CaseIterable, Sendable {
        /// Int, Double and Bool variables and arithmetic, comparisons, `if`/`else`.
        case numbers
        /// Integer literals typed as Double by their context (`let x: Double = 1 / 3`).
        case literalContexts
        /// String building: interpolation, `+`, `uppercased()`, `reversed()`, characters.
        case strings
        /// Arrays: mutation in place, subscripts, map/filter/reduce/sorted, slices, 2-D arrays.
        case arrays
        /// Dictionaries: `[k, default:]`, counting, lookups, printing sorted.
        case dictionaries
        /// Sets: insert/remove, algebra, printing sorted.
        case sets
        /// Closures: capture of loop variables and of vars changed later, counters, higher-order.
        case closures
        /// Structs: memberwise init, computed properties, mutating methods, value semantics.
        case structs
        /// Classes: reference semantics, inheritance, `override`, `super`, downcasts.
        case classes
        /// Enums: plain, raw values, associated values, `switch` with `where`, `if case`.
        case enums
        /// Functions: labels, defaults, `inout`, recursion, generics, variadics.
        case functions
        /// Optionals: `if let`, `guard let`, `??`, optional chaining, `Int(String)`.
        case optionals
        /// Tuples: destructuring, labels, tuple returns, tuple comparison, `zip`.
        case tuples
        /// Loops: ranges, `stride`, `while`, `repeat`, `where`, labeled `break`/`continue`, `switch`.
        case loops
    }

    /// What the generator may produce.
    public struct Options: Sendable {
        /// The features programs are drawn from (all of them by default).
        public var features: Set<Feature>
        /// The number of lines a program aims for (the `import` line included).
        public var lineRange: ClosedRange<Int>
        /// Allows prints that show module-qualified type names, such as an array of structs
        /// (`[main.P(x: 1)]`) or a class instance (`main.C`). They print the same only when the
        /// program is compiled as the top-level code of a module named `main`, not when it is
        /// wrapped in a function, so leave this off when the driver batches programs.
        public var printsQualifiedTypeNames: Bool

        public init(features: Set<Feature> = Set(Feature.allCases), lineRange: ClosedRange<Int> = 10...60,
                    printsQualifiedTypeNames: Bool = false) {
            self.features = features.isEmpty ? Set(Feature.allCases) : features
            self.lineRange = max(6, lineRange.lowerBound)...max(6, lineRange.upperBound)
            self.printsQualifiedTypeNames = printsQualifiedTypeNames
        }
    }

    /// The options every program of this generator is made with.
    public let options: Options
    private var random: SplitMix64

    /// A generator whose programs depend only on `seed` and `options`.
    public init(seed: UInt64, options: Options = Options()) {
        self.options = options
        self.random = SplitMix64(seed: seed)
    }

    /// The next program: Swift source text that starts with `import Foundation`, prints its
    /// results with `print`, and ends with a newline.
    public mutating func program() -> String {
        let builder = ProgramBuilder(random: random, options: options)
        let text = builder.build()
        random = builder.random
        return text
    }

    /// The program made from `seed` alone: the first program of a fresh generator.
    public static func program(seed: UInt64, options: Options = Options()) -> String {
        var generator = ProgramGenerator(seed: seed, options: options)
        return generator.program()
    }
}

/// SplitMix64 (Steele, Lea and Flood): a tiny, fast generator whose sequence is fixed by its
/// seed on every platform, unlike the standard library's `random` APIs.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, uniform up to a negligible modulo bias.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }
}

// MARK: - Program assembly

/// What a name in scope holds, for the expression generator. Int bounds are on the magnitude.
struct Variable {
    enum Kind: Equatable {
        case int
        case double
        case bool
        case string
        /// An `[Int]` whose count is known exactly and whose elements are within `bound`.
        case intArray(count: Int)
    }

    var name: String
    var kind: Kind
    /// For `.int`: |value| ≤ bound; for `.intArray`: |element| ≤ bound; for `.string`: the
    /// most characters it may hold.
    var bound: Int
    var isMutable: Bool
}

/// Builds one program. A class so that the feature functions (in extensions) share one random
/// source, one output buffer and one scope without threading them through every call.
final class ProgramBuilder {
    var random: SplitMix64
    let options: ProgramGenerator.Options

    /// The program's lines so far, indented.
    private(set) var lines: [String] = []
    private var indentation = 0
    /// Every name declared so far (they are never reused, so nothing shadows anything).
    private var usedNames: Set<String> = ProgramBuilder.reservedNames
    /// Variables visible here, innermost scope last.
    private var scopes: [[Variable]] = [[]]
    /// How many times the code being generated may run: the product of the iteration counts
    /// of the loops around it (an Int `+=` in a loop adds its bound that many times).
    private(set) var repetitions = 1
    /// Inside a loop, expressions may not read variables that can change (their bounds would
    /// grow with every iteration); this is the scope depth where the innermost loop starts.
    private var loopScopeDepth: Int?

    /// The largest magnitude an Int expression may have.
    static let expressionLimit = 1_000_000
    /// The largest magnitude an Int variable may reach.
    static let variableLimit = 100_000_000

    /// Names never declared: standard library functions and types programs call, keywords.
    static let reservedNames: Set<String> = [
        "min", "max", "abs", "print", "zip", "stride", "swap", "map", "filter", "reduce", "sorted",
        "count", "first", "last", "contains", "sequence", "repeatElement", "type", "print", "debugPrint",
        "Int", "Double", "String", "Bool", "Array", "Dictionary", "Set", "Character", "Optional",
        "in", "is", "as", "let", "var", "func", "case", "default", "self", "Self", "super", "where",
        "repeat", "while", "for", "if", "else", "guard", "return", "switch", "break", "continue",
        "true", "false", "nil", "class", "struct", "enum", "init", "inout", "static", "some", "any",
        "isEmpty", "description", "key", "value", "offset", "element", "rawValue", "allCases",
    ]

    init(random: SplitMix64, options: ProgramGenerator.Options) {
        self.random = random
        self.options = options
    }

    /// The whole program: feature chunks, with a little free-form code between them, until
    /// the program is long enough.
    func build() -> String {
        emit("import Foundation")
        let target = int(options.lineRange)
        let features = ProgramGenerator.Feature.allCases.filter { options.features.contains($0) }
        var chunks = 0
        while lines.count < target && chunks < 8 {
            let checkpoint = saveState()
            let feature = pick(features)
            emitFeature(feature)
            if chance(0.5) { emitFreeStatements(int(1...3)) }
            if lines.count > options.lineRange.upperBound && chunks > 0 {
                restoreState(checkpoint)
                break
            }
            chunks += 1
        }
        while lines.count < options.lineRange.lowerBound {
            emitFreeStatements(1)
        }
        emitFinalPrint()
        return lines.joined(separator: "\n") + "\n"
    }

    /// Prints a few of the variables still in scope, so values computed last are observed.
    private func emitFinalPrint() {
        let scalars = visibleVariables.filter { !isArray($0) }
        guard !scalars.isEmpty else { return }
        var chosen: [String] = []
        for v in shuffled(scalars).prefix(3) { chosen.append(v.name) }
        emit("print(\(chosen.joined(separator: ", ")))")
    }

    private func isArray(_ v: Variable) -> Bool {
        if case .intArray = v.kind { return true }
        return false
    }

    func emitFeature(_ feature: ProgramGenerator.Feature) {
        switch feature {
        case .numbers: emitNumbers()
        case .literalContexts: emitLiteralContexts()
        case .strings: emitStrings()
        case .arrays: emitArrays()
        case .dictionaries: emitDictionaries()
        case .sets: emitSets()
        case .closures: emitClosures()
        case .structs: emitStructs()
        case .classes: emitClasses()
        case .enums: emitEnums()
        case .functions: emitFunctions()
        case .optionals: emitOptionals()
        case .tuples: emitTuples()
        case .loops: emitLoops()
        }
    }

    // MARK: Output

    /// Appends one line at the current indentation.
    func emit(_ line: String) {
        lines.append(String(repeating: "    ", count: indentation) + line)
    }

    /// Emits `header {`, the body one level deeper (in its own scope), then `}` (or `closer`).
    func block(_ header: String, closer: String = "}", _ body: () -> Void) {
        emit(header + " {")
        nested(body)
        emit(closer)
    }

    /// `if condition { … }`, with `} else { … }` when `otherwise` is given.
    func ifElse(_ condition: String, then: () -> Void, else otherwise: (() -> Void)? = nil) {
        emit("if \(condition) {")
        nested(then)
        if let otherwise {
            emit("} else {")
            nested(otherwise)
        }
        emit("}")
    }

    /// A body one level deeper, in its own scope.
    func nested(_ body: () -> Void) {
        indentation += 1
        scopes.append([])
        body()
        scopes.removeLast()
        indentation -= 1
    }

    /// A block whose body runs `times` times: mutable variables are not read inside it, and Int
    /// `+=` bounds are multiplied by `times`.
    func loop(_ header: String, times: Int, closer: String = "}", _ body: () -> Void) {
        let savedRepetitions = repetitions, savedLoop = loopScopeDepth
        repetitions *= max(1, times)
        loopScopeDepth = scopes.count
        block(header, closer: closer, body)
        repetitions = savedRepetitions
        loopScopeDepth = savedLoop
    }

    /// A body generated in a fresh scope that sees none of the enclosing variables (a function
    /// or type body: local functions must not capture variables declared after them).
    func isolated(_ body: () -> Void) {
        let savedScopes = scopes, savedRepetitions = repetitions, savedLoop = loopScopeDepth
        scopes = [[]]
        repetitions = 1
        loopScopeDepth = nil
        body()
        scopes = savedScopes
        repetitions = savedRepetitions
        loopScopeDepth = savedLoop
    }

    // MARK: Names and scope

    /// A name not used before: `base` itself, or `base` with a number.
    func fresh(_ base: String) -> String {
        if !usedNames.contains(base) {
            usedNames.insert(base)
            return base
        }
        var n = 2
        while usedNames.contains("\(base)\(n)") { n += 1 }
        usedNames.insert("\(base)\(n)")
        return "\(base)\(n)"
    }

    /// A fresh name from one of `bases`.
    func fresh(_ bases: [String]) -> String {
        let unused = bases.filter { !usedNames.contains($0) }
        return fresh(unused.isEmpty ? pick(bases) : pick(unused))
    }

    /// Makes a variable visible to the rest of the current scope.
    func declare(_ variable: Variable) {
        scopes[scopes.count - 1].append(variable)
    }

    /// Variables that expressions here may read: inside a loop, only those that cannot change
    /// (constants, and anything declared inside the loop body as a constant).
    var visibleVariables: [Variable] {
        var result: [Variable] = []
        for (depth, scope) in scopes.enumerated() {
            for v in scope {
                if let loopDepth = loopScopeDepth, depth < loopDepth, v.isMutable { continue }
                result.append(v)
            }
        }
        return result
    }

    /// Mutable Int variables this code may change (bounds account for enclosing loops).
    var mutableInts: [Variable] {
        scopes.flatMap { $0 }.filter { $0.kind == .int && $0.isMutable }
    }

    /// Mutable String variables this code may append to.
    var mutableStrings: [Variable] {
        scopes.flatMap { $0 }.filter { $0.kind == .string && $0.isMutable }
    }

    /// Updates the bound of a variable after an assignment.
    func setBound(of name: String, to bound: Int) {
        for s in scopes.indices.reversed() {
            if let i = scopes[s].firstIndex(where: { $0.name == name }) {
                scopes[s][i].bound = bound
                return
            }
        }
    }

    private struct State {
        var random: SplitMix64
        var lines: [String]
        var usedNames: Set<String>
        var scopes: [[Variable]]
    }

    private func saveState() -> State { State(random: random, lines: lines, usedNames: usedNames, scopes: scopes) }

    private func restoreState(_ s: State) {
        lines = s.lines
        usedNames = s.usedNames
        scopes = s.scopes
    }

    // MARK: Randomness

    func int(_ range: ClosedRange<Int>) -> Int { random.int(in: range) }

    /// True with probability `p`.
    func chance(_ p: Double) -> Bool { Double(random.next() % 1_000_000) < p * 1_000_000 }

    func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        if items.count < 2 { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(0...i))
        }
        return items
    }

    /// Runs one of `choices`, picked with the given weights.
    func oneOf(_ choices: [(weight: Int, action: () -> Void)]) {
        let total = choices.reduce(0) { $0 + $1.weight }
        var r = int(0...(total - 1))
        for c in choices {
            if r < c.weight { c.action(); return }
            r -= c.weight
        }
    }

    /// `count` distinct Ints from `range`.
    func distinctInts(_ count: Int, in range: ClosedRange<Int>) -> [Int] {
        var result: [Int] = []
        while result.count < min(count, range.count) {
            let v = int(range)
            if !result.contains(v) { result.append(v) }
        }
        return result
    }

    /// `count` distinct words.
    func distinctWords(_ count: Int) -> [String] {
        Array(shuffled(ProgramBuilder.words).prefix(count))
    }

    static let words = ["apple", "pear", "fig", "kiwi", "plum", "lime", "date", "mango", "peach", "grape",
                        "melon", "berry", "cherry", "lemon", "olive", "bean", "corn", "rice", "oat", "nut"]
}
