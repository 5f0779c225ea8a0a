func f(_ x: Int) -> Int { x }
f("no")