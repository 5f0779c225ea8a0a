class A {
    var log: [String] = []
    init() { log.append("A") }
    func who() -> String { "A" }
}
class B: A {
    override init() {
        super.init()
        log.append("B")
    }
    override func who() -> String { "B<" + super.who() + ">" }
}
class C: B {
    override func who() -> String { "C<" + super.who() + ">" }
}
let c = C()
print(c.log)
print(c.who())
print(c is A, c is B)
