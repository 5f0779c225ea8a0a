func log(_ s: String) {
    print(s)
    return s.count
}
log("x")
