let nums = [7, 2, 9, 4, 1, 8]
var small: [Int] = []
var large: [Int] = []
for n in nums {
    if n < 5 {
        small.append(n)
    } else {
        large.append(n)
    }
}
print(small, large)
print(small + large)
print((small + large).sorted())
