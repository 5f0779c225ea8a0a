var counts = [0, 0, 0]
for ch in "Swift 6.0 Rocks!" {
    switch ch {
    case "a"..."z", "A"..."Z":
        counts[0] += 1
    case "0"..."9":
        counts[1] += 1
    default:
        counts[2] += 1
    }
}
print(counts)
