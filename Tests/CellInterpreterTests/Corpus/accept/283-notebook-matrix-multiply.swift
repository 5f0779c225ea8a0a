typealias Matrix = [[Double]]
func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
    let n = a.count, m = b[0].count, k = b.count
    var c = Matrix(repeating: [Double](repeating: 0, count: m), count: n)
    for i in 0..<n {
        for j in 0..<m {
            for t in 0..<k {
                c[i][j] += a[i][t] * b[t][j]
            }
        }
    }
    return c
}
let a: Matrix = [[1, 2], [3, 4]]
let b: Matrix = [[5, 6], [7, 8]]
print(multiply(a, b))
let id: Matrix = [[1, 0], [0, 1]]
print(multiply(a, id) == a)
let v: Matrix = [[1], [1]]
print(multiply(a, v))
