class Box {
    var v = 0
    mutating func inc() { v += 1 }
}
print(Box().v)
