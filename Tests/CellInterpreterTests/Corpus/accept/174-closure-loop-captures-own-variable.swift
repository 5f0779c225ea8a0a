var fs: [() -> Int] = []
for i in 0..<3 {
    fs.append({ i })
}
print(fs.map { $0() })
var gs: [() -> String] = []
for name in ["a", "b"] {
    gs.append { name + name }
}
print(gs.map { $0() })
var hs: [() -> Int] = []
for i in 1...3 {
    let sq = i * i
    hs.append { sq + 100 }
}
print(hs.map { $0() })
