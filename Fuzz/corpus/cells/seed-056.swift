let s = "a" as? Int
s