class Counter {
    var count = 0
    func increment() -> Int {
        count += 1
        return count
    }
}
let shared = Counter()
let users = [shared, shared, Counter()]
for u in users {
    print(u.increment())
}
print(shared.count)
