import Foundation

// String(format:_:) cannot take one unlabelled argument: its format is required. Beside an
// argument that costs a conversion to Any?, the checker once chose it for String($0) and then
// refused the program.
func describe(_ value: Any?) -> Int { value == nil ? 0 : 1 }
func count(_ words: [String]) -> Int { words.count }
let numbers = [4, 5, 6]
print(describe(1) + count(numbers.map { String($0) }))
print(describe("x") + count(numbers.map { String($0) }), numbers.map { String($0) })
print(String(format: "%d-%d", 1, 2))
