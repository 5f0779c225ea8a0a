class Node {
    var v: Int
    init(_ v: Int) { self.v = v }
}
let a = Node(1)
let b = Node(1)
let c = a
print(a === b, a === c, b !== c)
let nodes = [a, b]
print(nodes.contains { $0 === c })
print(nodes.firstIndex { $0 === b } as Any)
