func make(_ name: String, size: Int = 1, color: String = "red") -> String {
    "\(name)-\(size)-\(color)"
}
print(make("a"))
print(make("b", size: 3))
print(make("c", color: "blue"))
print(make("d", size: 2, color: "green"))
