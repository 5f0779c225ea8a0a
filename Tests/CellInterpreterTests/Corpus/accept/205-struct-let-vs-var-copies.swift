struct Account {
    var balance: Int
    mutating func deposit(_ n: Int) { balance += n }
}
var a = Account(balance: 10)
let snapshot = a
a.deposit(5)
print(snapshot.balance, a.balance)
var accounts = [Account(balance: 1), Account(balance: 2)]
accounts[1].deposit(100)
for var acc in accounts {
    acc.deposit(1000)
}
print(accounts.map { $0.balance })
