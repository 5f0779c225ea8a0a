// String interpolation past the 128 bytes built on the stack, with Int.min, negative numbers,
// combining characters across parts and values of every kind.
let big = Int.min, neg = -42, zero = 0
print("a\(big)b\(Int.max)c\(neg)d\(zero)")
let long = String(repeating: "xy", count: 70)
print("start \(long) mid \(neg) é 中文 \(1.5) \(long.count) end")
let e = "é"
print("\(e)\u{301}|\(e + "\u{301}")|\("e")\u{301}".count)
var s = ""
for i in 0..<30 { s = "\(s)\(i)," }
print(s, s.count)
let t: (Int, String) = (1, "q")
print("tuple \(t) opt \(Optional(3) as Int?) arr \([1, 2]) \(true)")
print("\(String(repeating: "z", count: 127))\(1)\(2)".count)
