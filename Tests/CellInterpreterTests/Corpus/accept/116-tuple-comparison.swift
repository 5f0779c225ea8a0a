print((1, "a") < (1, "b"))
print((2, "a") < (1, "z"))
print((1, 2) == (1, 2))
print((1, 2) != (2, 1))
print((3, 4, 5) > (3, 4, 4))
print(("x", 1.5) <= ("x", 1.5))
let ts = [(2, "b"), (1, "b"), (1, "a")]
print(ts.sorted { $0 < $1 })
