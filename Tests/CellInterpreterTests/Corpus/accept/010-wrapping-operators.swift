let m = Int.max
print(m &+ 1)
print(Int.min &- 1)
print(m &* 2)
let a = 5
print(a &+ 3, a &- 10, a &* 4)
