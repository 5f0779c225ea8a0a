enum Op: String, CaseIterable {
    case add = "+", sub = "-", mul = "*"
    func apply(_ a: Int, _ b: Int) -> Int {
        switch self {
        case .add: return a + b
        case .sub: return a - b
        case .mul: return a * b
        }
    }
}
for s in ["+", "*", "/", "-"] {
    if let op = Op(rawValue: s) {
        print(s, op, op.apply(6, 3))
    } else {
        print(s, "unsupported")
    }
}
print(Op.allCases.map { $0.rawValue })
