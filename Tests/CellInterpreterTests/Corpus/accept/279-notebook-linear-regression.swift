let xs: [Double] = [1, 2, 3, 4, 5]
let ys: [Double] = [2.2, 4.1, 6.0, 8.1, 9.9]
let n = Double(xs.count)
let mx = xs.reduce(0, +) / n
let my = ys.reduce(0, +) / n
var sxy = 0.0
var sxx = 0.0
for (x, y) in zip(xs, ys) {
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) * (x - mx)
}
let slope = sxy / sxx
let intercept = my - slope * mx
print("slope:", slope)
print("intercept:", intercept)
for x in [6.0, 10.0] {
    print("predict(\(x)) =", slope * x + intercept)
}
