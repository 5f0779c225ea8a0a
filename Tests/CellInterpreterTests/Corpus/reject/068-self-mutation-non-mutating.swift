struct Counter {
    var n = 0
    func inc() {
        n += 1
    }
}
var c = Counter()
c.inc()
print(c.n)
