// Failable initializers: `return nil` on any path, a value otherwise.
struct Temperature {
    var kelvin: Double
    init?(celsius: Double) {
        guard celsius >= -273.15 else { return nil }
        kelvin = celsius + 273.15
    }
}
class Account {
    let owner: String
    var balance: Int
    init?(owner: String, deposit: Int) {
        if owner.isEmpty { return nil }
        if deposit < 0 {
            return nil
        }
        self.owner = owner
        balance = deposit
    }
}
enum Grade {
    case pass, fail
    init?(score: Int) {
        switch score {
        case 50...100: self = .pass
        case 0..<50: self = .fail
        default: return nil
        }
    }
}
print(Temperature(celsius: 20)?.kelvin ?? -1, Temperature(celsius: -300) == nil)
let accounts = [Account(owner: "ana", deposit: 10), Account(owner: "", deposit: 5), Account(owner: "bo", deposit: -1)]
print(accounts.map { $0?.balance ?? -1 }, accounts.compactMap { $0?.owner })
print([120, 75, 20, -3].map { Grade(score: $0).map { "\($0)" } ?? "none" })
