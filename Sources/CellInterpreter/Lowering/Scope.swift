/// A function being lowered (or the session's top level): it owns a frame of slots.
final class FunctionScope {
    let parent: FunctionScope?
    /// Slots the frame needs so far.
    var frameSize: Int
    /// The notebook's top level, whose frame is the session's globals.
    let isRoot: Bool
    /// Enclosing loops' labels (nil for an unlabelled loop), innermost last.
    var loops: [String?] = []
    /// It makes closures or nested functions, so its calls need a heap frame.
    var makesClosures = false
    /// Slots that always hold an Int: parameters declared `Int` (checked on entry; parameters
    /// cannot be assigned). Reads of them are `StaticKind.int`.
    var intSlots: Set<Int> = []

    init(parent: FunctionScope?, isRoot: Bool, frameSize: Int = 0) {
        self.parent = parent
        self.isRoot = isRoot
        self.frameSize = frameSize
    }

    func allocate() -> Int {
        frameSize += 1
        return frameSize - 1
    }
}

/// What a name means where it is used.
enum NameBinding {
    case variable(slot: Int, mutable: Bool, owner: FunctionScope)
    /// A declared `func`, with each overload (by labels) in its own slot.
    case functions([FunctionOverload])
}

struct FunctionOverload {
    let slot: Int
    let owner: FunctionScope
    let body: FunctionBody
}

/// A block's names. Blocks share their function's frame; a name declared in a block gets
/// its own slot and is forgotten when the block ends.
final class Scope {
    let parent: Scope?
    let function: FunctionScope
    var names: [String: NameBinding] = [:]
    /// Names declared in this scope by the cell being lowered (redeclaring one is an error;
    /// redeclaring a name from an earlier cell replaces it, as in a REPL).
    var declaredNow: Set<String> = []

    init(parent: Scope?, function: FunctionScope) {
        self.parent = parent
        self.function = function
    }

    func lookup(_ name: String) -> NameBinding? {
        var scope: Scope? = self
        while let s = scope {
            if let b = s.names[name] { return b }
            scope = s.parent
        }
        return nil
    }

    /// Every visible name, for "did you mean".
    var visibleNames: [String] {
        var all: [String] = []
        var scope: Scope? = self
        while let s = scope {
            all += s.names.keys
            scope = s.parent
        }
        return all
    }
}

extension FunctionScope {
    /// How the code of `self` reaches a slot owned by `owner`.
    func address(of slot: Int, owner: FunctionScope) -> SlotAddress {
        if owner.isRoot { return .global(slot) }
        if owner === self { return .local(slot) }
        var depth = 0
        var f: FunctionScope? = self
        while let current = f, current !== owner {
            depth += 1
            f = current.parent
        }
        return .outer(depth: depth, slot: slot)
    }
}
