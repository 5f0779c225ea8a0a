let x = 3 as Double
x