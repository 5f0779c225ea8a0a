let values: [Int?] = [4, nil, 7]
for v in values {
    if let x = v {
        print("has", x)
    } else {
        print("none")
    }
}
let name: String? = "Sam"
if let name {
    print("hello", name)
}
if let a = values[0], let b = values[2], a < b {
    print(a + b)
}
