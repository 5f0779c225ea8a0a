class Box {
    let v: Int
    init(v: Int) { self.v = v }
}
let b = Box(v: 1)
b.v = 2
print(b.v)
