func scale(_ x: Double, by k: Double = 2) -> Double { x * k }
scale(3)
scale(3, by: 10)