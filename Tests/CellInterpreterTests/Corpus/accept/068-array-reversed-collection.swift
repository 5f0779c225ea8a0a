let a = [1, 2, 3, 4]
let r = a.reversed()
print(r)
print(Array(r))
print(type(of: r))
for x in a.reversed() {
    print(x, terminator: " ")
}
print()
print(a.reversed().map { $0 * 10 })
print(a.reversed().first!)
