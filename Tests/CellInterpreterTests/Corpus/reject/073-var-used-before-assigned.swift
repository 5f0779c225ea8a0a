var total: Int
total += 1
print(total)
