var queue: [String] = []
let events = ["+ann", "+bob", "-", "+cy", "-", "-", "-"]
for e in events {
    if e.hasPrefix("+") {
        queue.append(String(e.dropFirst()))
        print("arrive", queue.last!, "queue:", queue)
    } else if queue.isEmpty {
        print("nobody to serve")
    } else {
        print("serve", queue.removeFirst(), "queue:", queue)
    }
}
