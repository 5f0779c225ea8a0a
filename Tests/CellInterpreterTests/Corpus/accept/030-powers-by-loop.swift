var p = 1
for i in 0...10 {
    print(i, p)
    p *= 2
}
var f = 1.0
for _ in 1...5 {
    f *= 0.5
}
print(f)
