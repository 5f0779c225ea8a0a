func balanced(_ s: String) -> Bool {
    var stack: [Character] = []
    let pairs: [Character: Character] = [")": "(", "]": "[", "}": "{"]
    for c in s {
        if "([{".contains(c) {
            stack.append(c)
        } else if let open = pairs[c] {
            guard stack.popLast() == open else { return false }
        }
    }
    return stack.isEmpty
}
for s in ["(a[b]{c})", "(]", "((", "", "{[()()]}"] {
    print("\"\(s)\"", balanced(s))
}
