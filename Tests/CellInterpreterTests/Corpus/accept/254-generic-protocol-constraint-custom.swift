protocol Scorable { var score: Int { get } }
struct Player: Scorable { let name: String; let score: Int }
struct Team: Scorable { let score: Int }
func best<T: Scorable>(_ xs: [T]) -> T? {
    xs.max { $0.score < $1.score }
}
let players = [Player(name: "a", score: 3), Player(name: "b", score: 9)]
print(best(players)!.name)
print(best([Team(score: 1)]) as Any)
print(best([Team]()) as Any)
