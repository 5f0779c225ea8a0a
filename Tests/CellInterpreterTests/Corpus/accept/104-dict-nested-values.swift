var graph: [String: [String]] = [:]
graph["a", default: []].append("b")
graph["a", default: []].append("c")
graph["b", default: []].append("c")
for k in graph.keys.sorted() {
    print(k, "->", graph[k]!)
}
print(graph["c"] ?? [])
print(graph["a"]?.count as Any)
