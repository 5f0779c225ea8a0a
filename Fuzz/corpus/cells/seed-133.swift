let x: Double = 1
x