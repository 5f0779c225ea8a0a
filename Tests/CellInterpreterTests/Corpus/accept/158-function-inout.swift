func double(_ x: inout Int) {
    x *= 2
}
var a = 5
double(&a)
double(&a)
print(a)
func swapTwo(_ x: inout String, _ y: inout String) {
    let t = x
    x = y
    y = t
}
var s1 = "left"
var s2 = "right"
swapTwo(&s1, &s2)
print(s1, s2)
var arr = [1, 2, 3]
func appendSum(_ xs: inout [Int]) { xs.append(xs.reduce(0, +)) }
appendSum(&arr)
print(arr)
double(&arr[0])
print(arr)
