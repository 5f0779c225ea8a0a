let a: Int? = 5
let b: Int? = nil
print("a = \(String(describing: a))")
print("b = \(String(describing: b))")
print("a or zero = \(a ?? 0)")
let s: String? = "hi"
print(String(describing: s))
print("\(a!) and \(s!)")
