class Cell {
    var value = 0
}
let c = Cell()
let arr = [c, c, Cell()]
arr[0].value = 7
print(arr.map { $0.value })
var dict = ["a": c]
dict["a"]!.value += 1
print(c.value)
let copy = arr
copy[2].value = 99
print(arr[2].value)
