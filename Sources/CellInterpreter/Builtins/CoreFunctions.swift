/// `print`, `show`, `expect` and the other functions every cell has.
extension Registry {
    func registerCoreFunctions() {
        function("func print(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")",
                 doc: "Writes the items' text to the cell's output, as Swift's print does.", topic: "Output") { call in
            guard case .array(let items) = call[0], case .string(let separator) = call[1], case .string(let terminator) = call[2] else { return .void }
            var parts: [String] = []
            for item in items { parts.append(try call.context.describe(item, .any, at: call.position)) }
            try call.write(parts.joined(separator: separator) + terminator)
            return .void
        }
        function("func show(_ value: Any)", doc: "Displays a value under the cell, as a top-level expression would.", topic: "Output") { call in
            guard case .existential(let box) = call[0] else { return .void }
            try call.context.display(box.value, type: box.type, at: call.position)
            return .void
        }
        function("func expect(_ condition: Bool, _ message: String = \"\")",
                 doc: "Fails the cell with the message when the condition is false: claims the notes make are checked.", topic: "Output") { call in
            guard case .bool(let ok) = call[0], case .string(let message) = call[1] else { return .void }
            if !ok { throw CellFailure(.expectation, message.isEmpty ? "expectation failed" : "expectation failed: \(message)", at: call.position) }
            return .void
        }
    
        function("func debugPrint(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")",
                 doc: "Writes the items as they show inside collections (strings quoted).", topic: "Output") { call in
            guard case .array(let items) = call[0] else { return .void }
            var parts: [String] = []
            for item in items { parts.append(try call.context.debugDescribe(item, .any, at: call.position)) }
            try call.write(parts.joined(separator: call.string(1)) + call.string(2))
            return .void
        }
        function("func assert(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = String())",
                 doc: "Stops the cell when the condition is false.", topic: "Output") { call in
            if case .bool(false) = try call.call(call[0], []) {
                let message = try call.call(call[1], []).stringValue
                throw call.fail("Assertion failed" + (message.isEmpty ? "" : ": \(message)"))
            }
            return .void
        }
        function("func precondition(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = String())",
                 doc: "Stops the cell when the condition is false.", topic: "Output") { call in
            if case .bool(false) = try call.call(call[0], []) {
                let message = try call.call(call[1], []).stringValue
                throw call.fail("Precondition failed" + (message.isEmpty ? "" : ": \(message)"))
            }
            return .void
        }
        function("func fatalError(_ message: @autoclosure () -> String = String()) -> Never", doc: "Stops the cell with the message.", topic: "Output") { call in
            let message = try call.call(call[0], []).stringValue
            throw call.fail("Fatal error" + (message.isEmpty ? "" : ": \(message)"))
        }
        function("func preconditionFailure(_ message: @autoclosure () -> String = String()) -> Never") { call in
            let message = try call.call(call[0], []).stringValue
            throw call.fail("Fatal error" + (message.isEmpty ? "" : ": \(message)"))
        }
        function("func assertionFailure(_ message: @autoclosure () -> String = String())") { call in
            let message = try call.call(call[0], []).stringValue
            throw call.fail("Fatal error" + (message.isEmpty ? "" : ": \(message)"))
        }
    }
}
