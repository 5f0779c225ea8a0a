var total = 0
func addToTotal(_ k: Int) { total += k }
addToTotal(5)
addToTotal(6)
total