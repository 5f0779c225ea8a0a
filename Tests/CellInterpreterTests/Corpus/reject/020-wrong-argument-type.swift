func half(_ x: Int) -> Int { x / 2 }
print(half("ten"))
