var upper = 0
var lower = 0
var other = 0
for ch in "Hello World 42!" {
    if ch.isUppercase { upper += 1 }
    else if ch.isLowercase { lower += 1 }
    else { other += 1 }
}
print(upper, lower, other)
