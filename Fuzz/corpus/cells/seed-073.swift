func adder(_ a: Int) -> (Int) -> Int { { b in a + b } }
let add3 = adder(3)
add3(4)