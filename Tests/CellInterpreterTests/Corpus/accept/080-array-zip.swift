let names = ["a", "b", "c"]
let scores = [90, 85, 77, 60]
for (n, s) in zip(names, scores) {
    print(n, s)
}
let pairs = Array(zip(names, scores))
print(pairs)
print(pairs.count)
let sums = zip([1, 2, 3], [10, 20, 30]).map { $0 + $1 }
print(sums)
print(zip(names, scores).map { "\($0)=\($1)" })
