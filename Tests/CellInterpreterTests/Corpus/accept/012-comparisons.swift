let a = 3
let b = 7
print(a < b, a > b, a <= 3, b >= 8, a == 3, a != b)
let x = 2.5
print(x < 3.0, x == 2.5)
print("apple" < "banana", "Zebra" < "apple")
print("abc" == "abc")
print(true && false, true || false, !true)
print(max(a, b), min(a, b))
