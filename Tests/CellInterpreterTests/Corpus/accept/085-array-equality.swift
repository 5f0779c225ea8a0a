let a = [1, 2, 3]
let b = [1, 2, 3]
let c = [3, 2, 1]
print(a == b, a == c, a != c)
print(a == c.reversed())
print([[1], [2]] == [[1], [2]])
print([String]() == [])
print(["a"] == ["a", "a"])
