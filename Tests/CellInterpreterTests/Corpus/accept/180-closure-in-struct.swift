struct Validator {
    let name: String
    let check: (Int) -> Bool
}
let validators = [
    Validator(name: "positive", check: { $0 > 0 }),
    Validator(name: "even", check: { $0 % 2 == 0 }),
    Validator(name: "small", check: { $0 < 10 }),
]
for n in [4, -2, 15] {
    let passed = validators.filter { $0.check(n) }.map { $0.name }
    print(n, passed)
}
