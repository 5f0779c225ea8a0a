// A call whose argument throws after earlier arguments were evaluated: what was evaluated is
// released, nothing else is touched, and the next call runs in a clean frame. Functions whose
// frames hold only numbers recurse through both result types.
enum E: Error { case x }
func boom(_ k: Int) throws -> Int { if k > 0 { throw E.x }; return 1 }
func f(_ a: [Int], _ b: Int, _ c: String, _ d: [String]) -> Int { a.count + b + c.count + d.count }
for k in 0..<3 {
    do { print(f([1, 2, 3], try boom(k), "s", ["a"])) } catch { print("caught", k) }
    do { print(f([1, 2, 3], 2, "s", [String(try boom(k))])) } catch { print("caught late", k) }
}
func g(_ n: Int, _ x: Double) -> Double { n == 0 ? x : g(n - 1, x * 2) }
print(g(10, 1.5))
func h(_ n: Int) -> Bool { n <= 0 ? true : (n == 1 ? false : h(n - 2)) }
print(h(10), h(7))
var i = 0.0
while i * i < 50.0 { i += 1.5 }
print(i)
