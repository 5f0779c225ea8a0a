func area(width: Int, height: Int) -> Int { width * height }
print(area(3, height: 4))
