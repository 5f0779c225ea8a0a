var x = 10
repeat {
    print(x)
    x -= 4
} while x > 0
var count = 0
repeat {
    count += 1
} while false
print("ran", count, "time(s)")
