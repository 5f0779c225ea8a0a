var total = 0
let add = { (n: Int) in total += n }
add(5)
add(10)
print(total)
total = 100
add(1)
print(total)
var fs: [() -> Int] = []
var shared = 0
for _ in 0..<3 {
    shared += 1
    fs.append { shared }
}
print(fs.map { $0() })
shared = 42
print(fs.map { $0() })
