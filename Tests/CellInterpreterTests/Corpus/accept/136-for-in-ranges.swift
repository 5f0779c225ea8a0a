for i in 0..<3 {
    print("half-open", i)
}
for i in 1...3 {
    print("closed", i)
}
for _ in 0..<2 {
    print("tick")
}
for i in (0..<5).reversed() {
    print(i, terminator: ",")
}
print()
let r = 2..<2
print(r.isEmpty, (1...1).count)
for i in r { print("never", i) }
