// An inout argument and a mutating method's self keep what the callee did, even when it throws;
// an array passed inout is written in place in the callee.
struct E: Error {}

func f(_ x: inout [Int]) throws {
    x.append(4)
    throw E()
}

var a = [1, 2, 3]
do { try f(&a) } catch { print("caught") }
print(a)

struct S {
    var n = 0
    mutating func bump() throws {
        n += 1
        throw E()
    }
}

var s = S()
do { try s.bump() } catch { print("caught") }
print(s.n)

struct Body { var x: Double; var v: Double }
func advance(_ bodies: inout [Body], _ dt: Double) {
    for i in 0..<bodies.count { bodies[i].x += dt * bodies[i].v }
}
var bodies = [Body(x: 0, v: 1), Body(x: 1, v: -1)]
let copy = bodies
for _ in 0..<3 { advance(&bodies, 0.5) }
print(bodies.map(\.x), copy.map(\.x))

func g(_ x: inout Int) throws -> Int {
    x *= 10
    if x > 50 { throw E() }
    return x
}
var k = 3
print(try g(&k), k)
do { _ = try g(&k) } catch { print("caught", k) }
