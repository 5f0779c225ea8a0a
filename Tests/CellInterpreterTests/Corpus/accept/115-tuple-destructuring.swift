let point = (10, 20)
let (x, y) = point
print(x, y)
let (a, _) = point
print(a)
var p = 1
var q = 2
(p, q) = (q, p)
print(p, q)
let (n, (m, k)) = (1, (2, 3))
print(n + m + k)
for (i, (s, t)) in [("a", 1), ("b", 2)].enumerated() {
    print(i, s, t)
}
