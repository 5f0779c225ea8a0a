struct Engine { var power: Int }
struct Car { var engine: Engine? }
struct Garage { var car: Car? }
let g1 = Garage(car: Car(engine: Engine(power: 150)))
let g2 = Garage(car: Car(engine: nil))
let g3 = Garage(car: nil)
print(g1.car?.engine?.power as Any)
print(g2.car?.engine?.power as Any)
print(g3.car?.engine?.power as Any)
let s: String? = "hello"
print(s?.count as Any)
print(s?.uppercased() ?? "none")
let arr: [Int]? = [1, 2]
print(arr?.first as Any, arr?.count as Any)
