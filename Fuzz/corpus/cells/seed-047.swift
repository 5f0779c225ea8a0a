let t = (1, "a")
t.0
t.1