func transpose(_ m: [[Int]]) -> [[Int]] {
    guard let first = m.first else { return [] }
    return first.indices.map { c in m.map { $0[c] } }
}
func det3(_ m: [[Int]]) -> Int {
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
}
let m = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
print(transpose(m))
print(det3(m), det3(transpose(m)))
print(transpose([[1, 2, 3]]))
