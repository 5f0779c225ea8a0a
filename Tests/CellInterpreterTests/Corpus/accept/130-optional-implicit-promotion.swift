func find(_ x: Int, in xs: [Int]) -> Int? {
    for (i, v) in xs.enumerated() where v == x {
        return i
    }
    return nil
}
print(find(3, in: [1, 2, 3]) as Any)
print(find(9, in: [1, 2, 3]) as Any)
var o: Int? = 5
o = 6
print(o!)
let arr: [Int?] = [1, 2]
print(arr)
