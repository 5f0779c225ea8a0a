let s = "a"
switch s {
case "a": print("A")
case "b": print("B")
}
