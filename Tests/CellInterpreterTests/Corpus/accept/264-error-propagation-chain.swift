enum BankError: Error {
    case insufficient(needed: Int)
    case frozen
}
struct Account {
    var balance: Int
    var frozen = false
    mutating func withdraw(_ n: Int) throws {
        if frozen { throw BankError.frozen }
        if n > balance { throw BankError.insufficient(needed: n - balance) }
        balance -= n
    }
}
func transfer(_ n: Int, from a: inout Account) throws -> String {
    try a.withdraw(n)
    return "sent \(n)"
}
var acc = Account(balance: 50)
for amount in [20, 40, 10] {
    do {
        print(try transfer(amount, from: &acc))
    } catch BankError.insufficient(let needed) {
        print("need", needed, "more")
    } catch {
        print(error)
    }
}
acc.frozen = true
do { _ = try transfer(1, from: &acc) } catch { print("error:", error) }
print(acc.balance)
