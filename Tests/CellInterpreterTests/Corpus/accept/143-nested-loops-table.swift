for i in 1...4 {
    var row = ""
    for j in 1...4 {
        row += String(i * j) + "\t"
    }
    print(row)
}
