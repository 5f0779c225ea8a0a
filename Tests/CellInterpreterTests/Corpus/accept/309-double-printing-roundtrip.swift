let values: [Double] = [0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-7, 123456.789, 1e21, 9.999999999999999e22]
for v in values {
    print(v)
}
print(values)
print(Double(String(0.1))! == 0.1)
