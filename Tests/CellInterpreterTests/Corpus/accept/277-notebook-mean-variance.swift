import Foundation
let data = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]
let n = Double(data.count)
let mean = data.reduce(0, +) / n
let variance = data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
let sampleVariance = data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
print("n =", data.count)
print("mean =", mean)
print("variance =", variance)
print("sample variance =", sampleVariance)
print("std =", variance.squareRoot())
print("min/max =", data.min()!, data.max()!)
