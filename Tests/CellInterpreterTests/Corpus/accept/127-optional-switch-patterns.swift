func check(_ v: Int?) {
    switch v {
    case .none:
        print("none")
    case .some(let x) where x < 0:
        print("negative", x)
    case let x?:
        print("value", x)
    }
}
check(nil)
check(-4)
check(9)
let o: String? = "a"
switch o {
case "a"?: print("is a")
default: print("other")
}
