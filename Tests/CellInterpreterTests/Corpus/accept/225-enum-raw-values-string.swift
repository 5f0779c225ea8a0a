enum Suit: String {
    case hearts, spades
    case clubs = "♣"
}
print(Suit.hearts.rawValue)
print(Suit.clubs.rawValue)
print(Suit(rawValue: "spades") as Any)
print(Suit(rawValue: "Spades") as Any)
print(Suit.hearts)
enum Unit: Character { case meter = "m", second = "s" }
print(Unit.second.rawValue)
