var list: [String]? = nil
print(list?.count ?? 0)
list = ["a"]
list?.append("b")
print(list as Any)
print(list?.count ?? 0)
var maybe: [Int]? = nil
maybe?.append(1)
print(maybe as Any)
