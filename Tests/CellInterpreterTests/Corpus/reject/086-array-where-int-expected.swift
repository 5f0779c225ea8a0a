func square(_ x: Int) -> Int { x * x }
let xs = [1, 2]
print(square(xs))
