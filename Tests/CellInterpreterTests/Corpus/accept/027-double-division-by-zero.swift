let values = [2.0, 0.0, -0.0]
for v in values {
    print(1.0 / v)
}
