func isPalindrome(_ s: String) -> Bool {
    let letters = s.lowercased().filter { $0.isLetter }
    return letters == String(letters.reversed())
}
let tests = ["Racecar", "A man, a plan, a canal: Panama", "hello", ""]
for t in tests {
    print("\(t) -> \(isPalindrome(t))")
}
