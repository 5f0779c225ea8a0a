func quicksort(_ xs: [Int]) -> [Int] {
    guard let pivot = xs.first else { return [] }
    let rest = xs.dropFirst()
    return quicksort(rest.filter { $0 < pivot }) + [pivot] + quicksort(rest.filter { $0 >= pivot })
}
print(quicksort([3, 6, 1, 8, 2, 9, 2]))
print(quicksort(Array((1...8).reversed())))
