func bubbleSort(_ input: [Int]) -> ([Int], Int) {
    var a = input
    var swaps = 0
    for i in 0..<a.count {
        for j in 0..<(a.count - 1 - i) where a[j] > a[j + 1] {
            a.swapAt(j, j + 1)
            swaps += 1
        }
    }
    return (a, swaps)
}
func insertionSort(_ input: [Int]) -> [Int] {
    var a = input
    for i in 1..<a.count {
        let key = a[i]
        var j = i - 1
        while j >= 0 && a[j] > key {
            a[j + 1] = a[j]
            j -= 1
        }
        a[j + 1] = key
    }
    return a
}
let data = [5, 2, 9, 1, 5, 6, -3]
print(bubbleSort(data))
print(insertionSort(data))
print(insertionSort(data) == data.sorted())
