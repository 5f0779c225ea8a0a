func caesar(_ s: String, shift: Int) -> String {
    let lower = Array("abcdefghijklmnopqrstuvwxyz")
    var out = ""
    for ch in s {
        let isUpper = ch.isUppercase
        let c = Character(ch.lowercased())
        if let i = lower.firstIndex(of: c) {
            let shifted = lower[((i + shift) % 26 + 26) % 26]
            out.append(isUpper ? Character(shifted.uppercased()) : shifted)
        } else {
            out.append(ch)
        }
    }
    return out
}
let secret = caesar("Hello, World!", shift: 3)
print(secret)
print(caesar(secret, shift: -3))
print(caesar("xyz", shift: 29))
