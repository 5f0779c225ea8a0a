class Box {
    var value: Int
}
print("boxes")
