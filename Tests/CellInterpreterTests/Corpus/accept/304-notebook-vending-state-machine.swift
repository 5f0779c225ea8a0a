enum Vending {
    case waiting
    case collecting(cents: Int)
    case dispensing
}
let price = 75
var state = Vending.waiting
let coins = [25, 25, 10, 25]
for coin in coins {
    switch state {
    case .waiting:
        state = .collecting(cents: coin)
    case .collecting(let c):
        state = c + coin >= price ? .dispensing : .collecting(cents: c + coin)
    case .dispensing:
        break
    }
    print("inserted \(coin):", state)
}
if case .dispensing = state { print("enjoy!") }
