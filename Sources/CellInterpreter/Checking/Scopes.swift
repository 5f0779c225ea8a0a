/// A function being checked (or a cell's top level, or a closure): what `return` must give,
/// whether it may throw, and which variables of enclosing functions it captures.
final class FunctionContext {
    enum Kind {
        /// A cell's top-level code: its direct declarations are the notebook's globals.
        case topLevel
        case function(FunctionDecl)
        case closure
        /// An initializer of the given type.
        case initializer(FunctionDecl)
    }

    let kind: Kind
    let parent: FunctionContext?
    /// What `return` must give; nil while a closure's result is still being inferred.
    var resultType: CellType?
    /// Its declaration says `throws` (or it is a closure that may throw).
    var isThrowing: Bool
    /// A closure whose `throws` is inferred: set when its body has a `try` that can throw.
    var inferThrows = false
    var didThrow = false
    /// The type of the first `return` of a closure whose result is inferred.
    var inferredResult: CellType?
    /// Variables of enclosing functions it uses, in the order first used.
    private(set) var captures: [VarDecl] = []
    private var captureIndex: [ObjectIdentifier: Int] = [:]
    /// Every variable it owns, in declaration order (slots are given in this order).
    var locals: [VarDecl] = []
    /// `self` in a method, initializer or a type's computed property.
    var selfDecl: VarDecl?
    /// The type whose member is being checked.
    var selfType: CellType?
    /// Inside a `mutating` method or an initializer of a value type: `self` can change.
    var selfIsMutable = false
    /// Enclosing loops' and labelled statements' labels (nil for unlabelled), innermost last.
    var breakTargets: [(label: String?, isLoop: Bool, isSwitch: Bool)] = []
    /// The generic parameters whose concrete types the function receives, in order.
    var genericParameters: [GenericParameter] = []
    /// Nested `do` blocks with a catch-all: a `try` inside needs no `throws`.
    var catchDepth = 0
    /// Inside `defer`: no `return`, `break` or `throw` may leave.
    var deferDepth = 0

    init(kind: Kind, parent: FunctionContext?, resultType: CellType?, isThrowing: Bool) {
        self.kind = kind
        self.parent = parent
        self.resultType = resultType
        self.isThrowing = isThrowing
    }

    var isTopLevel: Bool {
        if case .topLevel = kind { return true }
        return false
    }

    var isClosure: Bool {
        if case .closure = kind { return true }
        return false
    }

    var isInitializer: Bool {
        if case .initializer = kind { return true }
        return false
    }

    var functionDecl: FunctionDecl? {
        switch kind {
        case .function(let f), .initializer(let f): f
        default: nil
        }
    }

    /// Records that the function uses `variable` of an enclosing function (and so do the
    /// functions between them, which must pass it on).
    func capture(_ variable: VarDecl) {
        guard variable.owner !== self, !variable.isGlobal else { return }
        variable.isCaptured = true
        var context: FunctionContext? = self
        while let c = context, c !== variable.owner {
            c.addCapture(variable)
            context = c.parent
        }
    }

    /// A capture-list entry (`[v]`, `[w = e]`): a capture whose box is made, with its value,
    /// when the closure is.
    func addCaptureListEntry(_ variable: VarDecl) {
        variable.isCaptured = true
        variable.isCaptureListEntry = true
        addCapture(variable)
    }

    private func addCapture(_ variable: VarDecl) {
        let id = ObjectIdentifier(variable)
        guard captureIndex[id] == nil else { return }
        captureIndex[id] = captures.count
        captures.append(variable)
    }

    func captureSlot(of variable: VarDecl) -> Int? {
        captureIndex[ObjectIdentifier(variable)]
    }

    /// Declares a variable owned by this function.
    func declare(_ variable: VarDecl) {
        locals.append(variable)
    }
}

/// What a name means in a scope.
enum ScopeEntry {
    case variable(VarDecl)
    /// Functions declared under the name (overloads).
    case functions([FunctionDecl])
}

/// What a type name means in a scope.
enum TypeEntry {
    case nominal(NominalDecl)
    case alias(CellType)
    case parameter(GenericParameter)
}

/// A block's names, with the enclosing block's beneath them.
final class LexicalScope {
    let parent: LexicalScope?
    let function: FunctionContext
    var values: [String: ScopeEntry] = [:]
    var types: [String: TypeEntry] = [:]
    /// Names declared in this scope by the cell being checked (redeclaring one is an error;
    /// a later cell may redeclare a global, as in a REPL).
    var declaredNow: Set<String> = []
    /// The type whose body this scope is (members are found through `self`).
    var memberOf: CellType?

    init(parent: LexicalScope?, function: FunctionContext) {
        self.parent = parent
        self.function = function
    }

    func lookupValue(_ name: String) -> (ScopeEntry, LexicalScope)? {
        var scope: LexicalScope? = self
        while let s = scope {
            if let entry = s.values[name] { return (entry, s) }
            scope = s.parent
        }
        return nil
    }

    func lookupType(_ name: String) -> TypeEntry? {
        var scope: LexicalScope? = self
        while let s = scope {
            if let entry = s.types[name] { return entry }
            scope = s.parent
        }
        return nil
    }

    /// The nearest enclosing type body, if any.
    var enclosingType: CellType? {
        var scope: LexicalScope? = self
        while let s = scope {
            if let t = s.memberOf { return t }
            scope = s.parent
        }
        return nil
    }

    /// Every name visible here, for "did you mean".
    var visibleNames: [String] {
        var all: [String] = []
        var scope: LexicalScope? = self
        while let s = scope {
            all += s.values.keys
            all += s.types.keys
            scope = s.parent
        }
        return all
    }
}
