func double(_ x: Int) -> Int { x * 2 }
let n = Int("4")
print(double(n))
