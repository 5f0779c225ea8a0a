func double(_ x: Int) -> Int {
    let y = x * 2
}
print(double(2))
