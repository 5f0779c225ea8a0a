var stack: [String] = []
print(stack.first as Any, stack.last as Any, stack.isEmpty)
stack.append("a")
stack.append("b")
print(stack.first as Any, stack.last as Any)
print(stack.first!, stack.last!)
if let top = stack.last {
    print("top", top)
}
print(stack.popLast()!, stack)
