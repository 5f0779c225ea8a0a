print(1)
let y = nope