let a: [Int?] = [1, nil, 3]
print(a)
let b: [String?] = ["x", nil]
print(b)
let c: [[Int]?] = [[1], nil]
print(c)
let d: [Int]? = [1, 2]
print(d as Any)
print(d!.count)
