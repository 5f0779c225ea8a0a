func binarySearch(_ xs: [Int], _ target: Int) -> Int? {
    var lo = 0
    var hi = xs.count - 1
    var steps = 0
    while lo <= hi {
        steps += 1
        let mid = (lo + hi) / 2
        if xs[mid] == target {
            print("found in \(steps) steps")
            return mid
        } else if xs[mid] < target {
            lo = mid + 1
        } else {
            hi = mid - 1
        }
    }
    print("not found after \(steps) steps")
    return nil
}
let xs = Array(stride(from: 1, to: 100, by: 3))
print(binarySearch(xs, 37) as Any)
print(binarySearch(xs, 38) as Any)
print(binarySearch([], 1) as Any)
