let p: Point? = nil
print(p as Any)
