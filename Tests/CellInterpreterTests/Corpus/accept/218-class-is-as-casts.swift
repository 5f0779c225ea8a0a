class Vehicle { func wheels() -> Int { 0 } }
class Car: Vehicle { override func wheels() -> Int { 4 } }
class Bike: Vehicle {
    override func wheels() -> Int { 2 }
    func ring() -> String { "ring ring" }
}
let fleet: [Vehicle] = [Car(), Bike(), Car()]
for v in fleet {
    if let b = v as? Bike {
        print("bike:", b.ring())
    } else if v is Car {
        print("car with", v.wheels(), "wheels")
    }
}
print(fleet.filter { $0 is Car }.count)
print(fleet.compactMap { $0 as? Bike }.count)
