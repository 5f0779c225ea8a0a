class ListNode {
    var value: Int
    var next: ListNode?
    init(_ value: Int, _ next: ListNode? = nil) {
        self.value = value
        self.next = next
    }
}
var head: ListNode? = ListNode(1, ListNode(2, ListNode(3)))
var node = head
var values: [Int] = []
while let n = node {
    values.append(n.value)
    node = n.next
}
print(values)
head = ListNode(0, head)
print(head!.value, head!.next!.value)
print(head?.next?.next?.next?.value as Any)
print(head?.next?.next?.next?.next?.value as Any)
