let people = [("Ann", 31), ("Bob", 17), ("Cat", 45), ("Dan", 12)]
let adults = people
    .filter { $0.1 >= 18 }
    .map { $0.0.uppercased() }
    .sorted(by: >)
print(adults)
let ages = people.map { $0.1 }
print(ages.filter { $0 < 18 }.count, ages.max()!, Double(ages.reduce(0, +)) / Double(ages.count))
