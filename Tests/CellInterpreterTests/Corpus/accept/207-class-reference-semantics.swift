class Box {
    var value: Int
    init(value: Int) {
        self.value = value
    }
}
let a = Box(value: 1)
let b = a
b.value = 99
print(a.value, b.value)
print(a === b)
let c = Box(value: 99)
print(a === c, a !== c)
func bump(_ box: Box) { box.value += 1 }
bump(a)
print(b.value)
