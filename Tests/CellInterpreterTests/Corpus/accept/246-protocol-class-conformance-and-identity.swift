protocol Observer: AnyObject {
    func notify(_ msg: String)
}
class Logger: Observer {
    var lines: [String] = []
    func notify(_ msg: String) { lines.append(msg) }
}
let log = Logger()
let observers: [Observer] = [log, log]
for o in observers {
    o.notify("ping")
}
print(log.lines)
print(observers[0] === observers[1])
