enum State {
    case idle
    case running(speed: Int)
    case stopped(reason: String)
}
enum Event { case start, faster, stop }
func transition(_ s: State, _ e: Event) -> State {
    switch (s, e) {
    case (.idle, .start): return .running(speed: 1)
    case (.running(let v), .faster): return .running(speed: v * 2)
    case (.running, .stop): return .stopped(reason: "requested")
    default: return s
    }
}
var s = State.idle
for e in [Event.faster, .start, .faster, .faster, .stop, .start] {
    s = transition(s, e)
    print(e, "->", s)
}
