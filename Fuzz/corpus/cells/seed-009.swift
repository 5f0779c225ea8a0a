var found = -1
for i in 0..<100 { if i * i > 50 { found = i; break } }
found