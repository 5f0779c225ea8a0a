var stack = [1, 2, 3]
while let top = stack.popLast() {
    print("popped", top)
}
print(stack.isEmpty)
var it = ["a", "b"].makeIterator()
while let x = it.next() {
    print(x)
}
