let ops: [String: (Int, Int) -> Int] = [
    "+": { $0 + $1 },
    "-": { $0 - $1 },
    "*": { $0 * $1 },
]
print(ops["+"]!(3, 4))
print(ops["*"]!(3, 4))
if let f = ops["-"] {
    print(f(10, 3))
}
print(ops["/"] == nil)
print(ops.keys.sorted())
