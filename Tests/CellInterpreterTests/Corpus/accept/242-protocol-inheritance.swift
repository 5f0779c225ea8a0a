protocol Named { var name: String { get } }
protocol Aged { var age: Int { get } }
protocol Person: Named, Aged {
    func summary() -> String
}
extension Person {
    func summary() -> String { "\(name) (\(age))" }
}
struct Student: Person {
    let name: String
    let age: Int
}
let s = Student(name: "Lee", age: 20)
print(s.summary())
let n: Named = s
print(n.name)
let people: [Person] = [s, Student(name: "Max", age: 19)]
print(people.map { $0.summary() })
