let inf = Double.infinity
print(inf)
print(-inf)
let n = Double.nan
print(n)
print(n == n)
print(inf > 1e308)
let zero = 0.0
print(1.0 / zero)
print(-1.0 / zero)
print(n.isNaN, inf.isInfinite, 1.0.isFinite)
