struct Stack<T> {
    var items: [T] = []
    mutating func push(_ x: T) { items.append(x) }
    mutating func pop() -> T? { items.popLast() }
    var top: T? { items.last }
    var isEmpty: Bool { items.isEmpty }
}
var s = Stack<Int>()
s.push(1)
s.push(2)
s.push(3)
print(s)
print(s.pop() as Any, s.top as Any)
var w = Stack<String>()
w.push("a")
print(w.pop()!, w.pop() as Any, w.isEmpty)
print(type(of: s))
