func half(_ x: Double) -> Double { x / 2 }
half(3)