let a: Int? = 2
let b: String? = "b"
let c: Double? = nil
if let a, let b {
    print(a, b)
}
if let a, let c {
    print("unexpected", a, c)
} else {
    print("c is nil")
}
guard let a else { fatalError() }
print(a + 1)
