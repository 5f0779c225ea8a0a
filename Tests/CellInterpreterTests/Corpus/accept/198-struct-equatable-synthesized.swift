struct Card: Equatable {
    var rank: Int
    var suit: String
}
let a = Card(rank: 10, suit: "hearts")
let b = Card(rank: 10, suit: "hearts")
let c = Card(rank: 3, suit: "spades")
print(a == b, a == c, a != c)
let hand = [a, c]
print(hand.contains(b))
print(hand.firstIndex(of: c) as Any)
print([a, c] == [b, c])
