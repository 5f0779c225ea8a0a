let n = 3
let parity = if n % 2 == 0 { "even" } else { "odd" }
print(parity)
let size = switch n {
case 0: "zero"
case 1...2: "few"
default: "many"
}
print(size)
let score: Double = if n > 2 { 1.5 } else { 0 }
print(score)
func sign(_ x: Int) -> Int {
    if x > 0 { 1 } else if x < 0 { -1 } else { 0 }
}
print(sign(-9), sign(0), sign(4))
