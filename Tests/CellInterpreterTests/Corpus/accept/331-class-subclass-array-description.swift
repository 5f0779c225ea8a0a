class Employee: CustomStringConvertible {
    let name: String
    let salary: Int
    init(name: String, salary: Int) { self.name = name; self.salary = salary }
    func pay() -> Int { salary }
    var description: String { "\(name): \(pay())" }
}
class Manager: Employee {
    let bonus: Int
    init(name: String, salary: Int, bonus: Int) {
        self.bonus = bonus
        super.init(name: name, salary: salary)
    }
    override func pay() -> Int { super.pay() + bonus }
}
let staff: [Employee] = [Employee(name: "Al", salary: 100), Manager(name: "Bo", salary: 150, bonus: 50)]
print(staff)
print(staff.map { $0.pay() }.reduce(0, +))
