func stats(_ x: [Double]) -> (mean: Double, n: Int) { (x.reduce(0, +) / Double(x.count), x.count) }
stats([1, 2, 3]).mean