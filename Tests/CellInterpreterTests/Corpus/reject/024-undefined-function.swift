let x = 4
print(squareOf(x))
