enum Pair { case a(Int), b(Int) }
let p = Pair.a(1)
switch p {
case .a(let x), .b:
    print(x)
}
