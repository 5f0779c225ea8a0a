func run(_ n: Int) -> Int { n }
print(run(3) { 4 })
