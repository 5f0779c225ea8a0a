struct Pair<A, B> {
    var first: A
    var second: B
    func swapped() -> Pair<B, A> { Pair<B, A>(first: second, second: first) }
}
let p = Pair(first: 1, second: "one")
print(p)
print(p.swapped())
struct Queue<Element> {
    private var items: [Element] = []
    mutating func enqueue(_ e: Element) { items.append(e) }
    mutating func dequeue() -> Element? { items.isEmpty ? nil : items.removeFirst() }
    var count: Int { items.count }
}
var q = Queue<String>()
q.enqueue("a")
q.enqueue("b")
print(q.dequeue()!, q.count)
print(q.dequeue() as Any, q.dequeue() as Any)
