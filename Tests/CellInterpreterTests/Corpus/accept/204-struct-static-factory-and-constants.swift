struct Color {
    var r: Int, g: Int, b: Int
    static let black = Color(r: 0, g: 0, b: 0)
    static let white = Color(r: 255, g: 255, b: 255)
    func mixed(with o: Color) -> Color {
        Color(r: (r + o.r) / 2, g: (g + o.g) / 2, b: (b + o.b) / 2)
    }
}
print(Color.black)
print(Color.white.mixed(with: .black))
let c: Color = .white
print(c.g)
