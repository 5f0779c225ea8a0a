func mergeSort(_ a: [Int]) -> [Int] {
    if a.count <= 1 { return a }
    let mid = a.count / 2
    let left = mergeSort(Array(a[..<mid]))
    let right = mergeSort(Array(a[mid...]))
    var out: [Int] = []
    var i = 0, j = 0
    while i < left.count && j < right.count {
        if left[i] <= right[j] {
            out.append(left[i]); i += 1
        } else {
            out.append(right[j]); j += 1
        }
    }
    out += left[i...]
    out += right[j...]
    return out
}
print(mergeSort([38, 27, 43, 3, 9, 82, 10]))
print(mergeSort([]))
print(mergeSort([1]))
print(mergeSort([3, 3, 1, 1]))
