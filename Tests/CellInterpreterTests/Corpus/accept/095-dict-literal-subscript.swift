var ages = ["ann": 31, "bob": 25]
print(ages["ann"] as Any)
print(ages["zed"] as Any)
print(ages["bob"]!)
print(ages["zed"] ?? -1)
ages["cid"] = 40
print(ages.count)
ages["ann"] = 32
print(ages["ann"]!)
print(ages.keys.sorted())
print(ages.values.sorted())
