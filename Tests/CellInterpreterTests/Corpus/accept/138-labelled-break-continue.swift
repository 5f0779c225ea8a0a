outer: for i in 1...4 {
    for j in 1...4 {
        if j == 3 {
            continue outer
        }
        if i == 3 {
            break outer
        }
        print(i, j)
    }
}
print("done")
search: for row in [[1, 2], [3, 42], [5, 6]] {
    for v in row where v == 42 {
        print("found", v)
        break search
    }
}
