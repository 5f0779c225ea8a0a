func f(_ x: Int?) -> Int {
    guard let y = x else {
        print("none")
    }
    return y
}
print(f(1))
