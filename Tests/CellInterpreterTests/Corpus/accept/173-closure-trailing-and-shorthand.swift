let nums = [5, 3, 8, 1]
let sorted1 = nums.sorted(by: { (a: Int, b: Int) -> Bool in return a < b })
let sorted2 = nums.sorted { a, b in a > b }
let sorted3 = nums.sorted { $0 < $1 }
let sorted4 = nums.sorted(by: >)
print(sorted1, sorted2, sorted3, sorted4)
let labels = nums.map { n -> String in
    let stars = String(repeating: "*", count: n)
    return "\(n) \(stars)"
}
for l in labels { print(l) }
