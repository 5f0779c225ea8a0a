import Testing
@testable import CellInterpreter

/// Functions, closures and what they capture.
struct FunctionTests {
    static let cases: [Case] = [
        Case("func square(_ x: Int) -> Int { x * x }\nsquare(7)", "→ 49"),
        Case("func greet(name: String, punctuation: String = \"!\") -> String { \"hi \" + name + punctuation }\ngreet(name: \"Ada\")\ngreet(name: \"Ada\", punctuation: \"?\")", "→ \"hi Ada!\"\n→ \"hi Ada?\""),
        Case("func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }\nfib(20)", "→ 6765"),
        Case("func fact(_ n: Int) -> Int {\n  if n <= 1 { return 1 }\n  return n * fact(n - 1)\n}\nfact(10)", "→ 3628800"),
        Case("let twice = { (x: Int) -> Int in x * 2 }\ntwice(21)", "→ 42"),
        Case("[1, 2, 3].map { $0 * $0 }", "→ [1, 4, 9]"),
        Case("[3, 1, 2].sorted { $0 > $1 }", "→ [3, 2, 1]"),
        Case("[1, 2, 3, 4].filter { $0 % 2 == 0 }.reduce(0) { $0 + $1 }", "→ 6"),
        Case("func makeCounter() -> () -> Int {\n  var n = 0\n  return { n += 1; return n }\n}\nlet c = makeCounter()\nc()\nc()\nlet d = makeCounter()\nd()", "→ 1\n→ 2\n→ 1"),
        Case("func outer(_ x: Int) -> Int {\n  func inner(_ y: Int) -> Int { x + y }\n  return inner(10)\n}\nouter(5)", "→ 15"),
        Case("func adder(_ a: Int) -> (Int) -> Int { { b in a + b } }\nlet add3 = adder(3)\nadd3(4)", "→ 7"),
        Case("func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }\napply({ $0 + 1 }, to: 41)", "→ 42"),
        Case("func apply(to x: Int, _ f: (Int) -> Int) -> Int { f(x) }\napply(to: 20) { $0 * 2 }", "→ 40"),
        Case("var total = 0\nfunc addToTotal(_ k: Int) { total += k }\naddToTotal(5)\naddToTotal(6)\ntotal", "→ 11"),
        Case("func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }\nfunc isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }\nisEven(10)", "→ true"),
        Case("func f(_ x: Int) -> Int { x }\nf(\"no\")", "2:3: error: cannot convert value of type 'String' to expected argument type 'Int'"),
        Case("func f(x: Int) -> Int { x }\nf(y: 1)", "2:6: error: incorrect argument label in call (have 'y:', expected 'x:')"),
        Case("func g() -> Int { return \"s\" }\ng()", "1:26: error: cannot convert return expression of type 'String' to return type 'Int'"),
        Case("func down(_ n: Int) -> Int { down(n + 1) }\ndown(0)", "1:30: error: recursion too deep: more than 2000 nested calls"),
        Case("let xs = [1, 2]\nvar ys = xs\nys.append(3)\nxs\nys", "→ [1, 2]\n→ [1, 2, 3]"),
        Case("var grid = [[0, 0], [0, 0]]\ngrid[1][0] = 5\ngrid", "→ [[0, 0], [5, 0]]"),
        Case("func outer() -> Int {\n  func inner(_ n: Int) -> Int { n == 0 ? 0 : 1 + inner(n - 1) }\n  return inner(5)\n}\nouter()", "→ 5"),
        Case("func counter() -> () -> Int {\n  var c = 0\n  func next() -> Int { c += 1; return c }\n  return next\n}\nlet n = counter()\nn()\nn()", "→ 1\n→ 2"),
        Case("func scale(_ x: Double, by k: Double = 2) -> Double { x * k }\nscale(3)\nscale(3, by: 10)", "→ 6.0\n→ 30.0"),
        Case("func half(_ x: Double) -> Double { x / 2 }\nhalf(3)", "→ 1.5"),
        Case("func f(_ n: Int) -> Int { n - 1 }\nf(Int.min)", "1:29: error: Fatal error: arithmetic overflow: -9223372036854775808 - 1 does not fit in Int\n1:29: note: use Double for numbers this large, or &- to wrap around"),
        // Int functions of Int parameters run on plain Ints (`StaticKind`): the same results,
        // errors at the same places, whatever path a call takes.
        Case("func f(_ n: Int) -> Int { n < 2 ? n : f(n - 1) + f(n - 2) }\nlet k = 10\nf(k)\nf(k - 3)", "→ 55\n→ 13"),
        Case("func f(_ n: Int) -> Int { n / (n - 3) }\nf(5)\nf(3)", "→ 2\n1:29: error: Fatal error: Division by zero"),
        Case("func f(_ n: Int) -> Int { n % (n - 3) }\nf(3)", "1:29: error: Fatal error: Division by zero in remainder operation"),
        Case("func f(_ n: Int) -> Int { -n }\nf(5)\nf(Int.min)", "→ -5\n1:27: error: Fatal error: arithmetic overflow: -(-9223372036854775808) does not fit in Int\n1:27: note: use Double for numbers this large, or 0 &- x to wrap around"),
        Case("func even(_ n: Int) -> Bool { n % 2 == 0 }\neven(4)\neven(7)", "→ true\n→ false"),
        Case("func f(_ n: Int) -> Int { n * 2 }\nf(2.5)", "2:3: error: cannot convert value of type 'Double' to expected argument type 'Int'\n2:3: note: convert explicitly: Int(…)"),
        Case("func h(_ n: Int) -> Int { n + 1 }\nfunc g(_ n: Int) -> Int { h(n) * 2 }\ng(4)", "→ 10"),
        Case("func outer(_ x: Int) -> Int {\n  func inner(_ y: Int) -> Int { y * 2 + x }\n  return inner(x) + 1\n}\nouter(5)", "→ 16"),
        Case("func f(_ a: Int, _ b: Int) -> Int { a > b ? a - b : (a << 2) | b }\nf(9, 4)\nf(1, 2)", "→ 5\n→ 6"),
        Case("func f(_ n: Int) -> Int { n > 0 && n < 10 ? 1 : 0 }\nf(5)\nf(50)", "→ 1\n→ 0"),
        Case("func f(_ n: Int) -> Int { n + f(n - 1) }\nf(3)", "1:31: error: recursion too deep: more than 2000 nested calls"),
        Case("zip([1, 2], [10, 20]).map { $0 * $1 }", "→ [10, 40]"),
        Case("[(1, 2), (3, 4)].map { (a, b) in a + b }", "→ [3, 7]"),
        Case("let t = Tensor([0.2, 0.7, 0.5])\n(t .> 0.5).sum()\n(t .>= 0.5).sum()", "→ 1.0\n→ 2.0"),
        Case("1 .< 2", "1:3: error: binary operator '.<' cannot be applied to two 'Int' operands"),
        Case("return 1", "1:1: error: return invalid outside of a func"),
        Case("break", "1:1: error: 'break' is only allowed inside a loop, if, do, or switch"),
    ]

    @Test(arguments: cases) func behaves(_ c: Case) { #expect(transcript(c.source) == c.expected) }
}
