for i in 1...4 {
    print(String(repeating: " ", count: 4 - i) + String(repeating: "*", count: 2 * i - 1))
}
