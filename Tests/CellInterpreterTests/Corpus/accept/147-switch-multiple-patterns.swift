func kind(_ c: Character) -> String {
    switch c {
    case "a", "e", "i", "o", "u":
        return "vowel"
    case "0"..."9":
        return "digit"
    case " ":
        return "space"
    default:
        return "other"
    }
}
for c in "hi 2u" {
    print(c, kind(c))
}
