// Updates in place on array and dictionary variables, local and global, as the fast paths run them.
struct P { var x: Double; var n: Int }
var ps = [P(x: 1, n: 1), P(x: 2, n: 2)]
ps[0].x += 0.5
ps[1].n *= 7
ps[1].x /= 4
ps[0].n -= 10
print(ps[0].x, ps[0].n, ps[1].x, ps[1].n)
let copy = ps
ps[0].x -= 100
print(copy[0].x, ps[0].x)
func bump(_ qs: inout [P], by d: Double) {
    for i in 0..<qs.count { qs[i].x += d * Double(i + 1) }
    let last = qs.count - 1
    qs[last].n += qs[0].n
}
bump(&ps, by: 2)
print(ps.map { $0.x }, ps.map { $0.n })
func local() -> [Int: Int] {
    var d: [Int: Int] = [:]
    for i in 0..<20 { d[i % 3, default: 100] += i }
    d[7, default: 1] *= 5
    return d
}
let d = local()
print(d.keys.sorted().map { "\($0):\(d[$0]!)" })
var w: [String: Double] = [:]
for s in ["a", "b", "a", "c", "a"] { w[s, default: 0.5] += 1.25 }
print(w.keys.sorted().map { "\($0)=\(w[$0]!)" })
var xs: [Int] = []
for i in 0..<5 { xs.append(i * i) }
let before = xs
xs.append(99)
print(before, xs)
var counter = 0
let f = { counter += 1; xs.append(counter) }
f(); f()
print(xs, counter)
var big = [P(x: 0, n: Int.max - 1)]
big[0].n += 1
print(big[0].n)
big[0].n += 1
print("not reached")
