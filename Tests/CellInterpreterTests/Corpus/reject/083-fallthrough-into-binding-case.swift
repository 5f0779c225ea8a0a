let t = (1, 2)
switch t {
case (0, _):
    fallthrough
case (let x, _):
    print(x)
}
