let values: [Int?] = [1, nil, 3, nil, 5]
for case let x? in values {
    print("value", x)
}
enum Token {
    case number(Int)
    case word(String)
}
let tokens: [Token] = [.number(1), .word("hi"), .number(7)]
for case .number(let n) in tokens {
    print("number", n)
}
for case let .word(w) in tokens {
    print("word", w)
}
