var flag = false
flag.toggle()
print(flag)
flag = !flag
print(flag)
let bools = [true, false, true]
print(bools.filter { $0 }.count)
print(bools.allSatisfy { $0 }, bools.contains(false))
print(true == !false)
print(Bool("true") as Any, Bool("yes") as Any)
