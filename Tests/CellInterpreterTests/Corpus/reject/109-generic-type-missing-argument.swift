struct Box<T> { var v: T }
let b: Box = Box()
print(b)
