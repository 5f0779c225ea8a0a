class BankAccount {
    let owner: String
    private(set) var balance: Double = 0
    var history: [String] = []
    init(owner: String) { self.owner = owner }
    func deposit(_ amount: Double) {
        balance += amount
        history.append("deposit \(amount)")
    }
    func withdraw(_ amount: Double) -> Bool {
        guard amount <= balance else {
            history.append("denied \(amount)")
            return false
        }
        balance -= amount
        history.append("withdraw \(amount)")
        return true
    }
}
let acct = BankAccount(owner: "Zoe")
acct.deposit(100)
print(acct.withdraw(30))
print(acct.withdraw(100))
acct.deposit(0.5)
print(acct.owner, acct.balance)
print(acct.history)
