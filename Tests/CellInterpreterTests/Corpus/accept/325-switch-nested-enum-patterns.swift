enum Inner { case x, y(Int) }
enum Outer { case wrap(Inner), empty }
let values: [Outer] = [.wrap(.x), .wrap(.y(3)), .wrap(.y(-1)), .empty]
for v in values {
    switch v {
    case .wrap(.x): print("wrap x")
    case .wrap(.y(let n)) where n > 0: print("wrap positive y", n)
    case .wrap(.y): print("wrap other y")
    case .empty: print("empty")
    }
}
