var people = [("ann", 30), ("bob", 25)]
people[1].1 += 1
people.append(("cid", 40))
print(people)
for (name, age) in people where age > 26 {
    print(name)
}
var t = (count: 0, label: "x")
t.count += 5
t.label = "y"
print(t)
print(type(of: t))
