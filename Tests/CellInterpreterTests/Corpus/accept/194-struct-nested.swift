struct Address {
    var city: String
    var zip: String
}
struct Person {
    var name: String
    var address: Address
}
var p = Person(name: "Kim", address: Address(city: "Oslo", zip: "0150"))
print(p)
p.address.city = "Bergen"
print(p.address.city)
var q = p
q.address.zip = "5003"
print(p.address.zip, q.address.zip)
