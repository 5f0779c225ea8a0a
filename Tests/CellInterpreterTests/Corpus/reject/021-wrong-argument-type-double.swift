func twice(_ x: Int) -> Int { x * 2 }
let v = 2.5
print(twice(v))
