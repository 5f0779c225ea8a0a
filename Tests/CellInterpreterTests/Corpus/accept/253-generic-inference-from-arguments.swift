func firstOrDefault<T>(_ xs: [T], _ d: T) -> T { xs.first ?? d }
print(firstOrDefault([Int](), 7))
print(firstOrDefault(["a"], "z"))
print(firstOrDefault([2.5], 0))
func wrap<T>(_ x: T) -> [T] { [x] }
print(wrap(1), wrap("s"), wrap(wrap(true)))
print(type(of: wrap(1.0)))
