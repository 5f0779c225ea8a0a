/// The standard library's types and protocols as cells see them: their generic parameters and
/// conformances. Their members are bound in `Builtins/`.
final class StandardDeclarations {
    // Protocols
    let equatable = protocolDecl("Equatable", "A type whose values can be compared for equality with ==.")
    let hashable = protocolDecl("Hashable", "A type whose values can be dictionary keys and set elements.")
    let comparable = protocolDecl("Comparable", "A type whose values are ordered by <.")
    let sequence = protocolDecl("Sequence", "A type whose values can be iterated with for-in.")
    let collection = protocolDecl("Collection", "A sequence with a count and indices.")
    let bidirectionalCollection = protocolDecl("BidirectionalCollection", "A collection that can be traversed backwards.")
    let randomAccessCollection = protocolDecl("RandomAccessCollection", "A collection with constant-time access by index.")
    let mutableCollection = protocolDecl("MutableCollection", "A collection whose elements can be set by index.")
    let rangeReplaceableCollection = protocolDecl("RangeReplaceableCollection", "A collection that can grow and shrink.")
    let additiveArithmetic = protocolDecl("AdditiveArithmetic", "Types with + and - and a zero.")
    let numeric = protocolDecl("Numeric", "Types with +, - and *.")
    let signedNumeric = protocolDecl("SignedNumeric", "Numeric types with negation.")
    let binaryInteger = protocolDecl("BinaryInteger", "Integer types.")
    let signedInteger = protocolDecl("SignedInteger", "Signed integer types.")
    let fixedWidthInteger = protocolDecl("FixedWidthInteger", "Integer types of a fixed bit width.")
    let floatingPoint = protocolDecl("FloatingPoint", "Floating-point types.")
    let binaryFloatingPoint = protocolDecl("BinaryFloatingPoint", "Binary floating-point types.")
    let strideable = protocolDecl("Strideable", "Types whose values can be offset and measured by a distance.")
    let customStringConvertible = protocolDecl("CustomStringConvertible", "A type with its own text for print and interpolation.")
    let customDebugStringConvertible = protocolDecl("CustomDebugStringConvertible", "A type with its own text for debugging.")
    let losslessStringConvertible = protocolDecl("LosslessStringConvertible", "A type that can be made from its text.")
    let error = protocolDecl("Error", "A type whose values can be thrown.")
    let caseIterable = protocolDecl("CaseIterable", "An enum with all its cases in allCases.")
    let rawRepresentable = protocolDecl("RawRepresentable", "A type with a raw value (an enum's Int or String).")
    let stringProtocol = protocolDecl("StringProtocol", "String and Substring.")
    let setAlgebra = protocolDecl("SetAlgebra", "Set operations: union, intersection …")
    let cVarArg = protocolDecl("CVarArg", "A value String(format:) can format: an Int, a Double or a String.")
    let expressibleByIntegerLiteral = protocolDecl("ExpressibleByIntegerLiteral", "A type an integer literal can be.")
    let expressibleByFloatLiteral = protocolDecl("ExpressibleByFloatLiteral", "A type a floating-point literal can be.")
    let expressibleByStringLiteral = protocolDecl("ExpressibleByStringLiteral", "A type a string literal can be.")
    let expressibleByBooleanLiteral = protocolDecl("ExpressibleByBooleanLiteral", "A type a Boolean literal can be.")
    let expressibleByNilLiteral = protocolDecl("ExpressibleByNilLiteral", "A type nil can be.")
    let expressibleByArrayLiteral = protocolDecl("ExpressibleByArrayLiteral", "A type an array literal can be.")
    let expressibleByDictionaryLiteral = protocolDecl("ExpressibleByDictionaryLiteral", "A type a dictionary literal can be.")

    // Types
    let int = structDecl("Int", "A whole number (64-bit); arithmetic that overflows stops the cell.")
    let double = structDecl("Double", "A 64-bit floating-point number.")
    let bool = structDecl("Bool", "true or false.")
    let string = structDecl("String", "Text: a collection of Characters.")
    let character = structDecl("Character", "One user-perceived character of text.")
    let never = NominalDecl(name: "Never", kind: .enumeration, origin: .standard, doc: "The type of a call that never returns.")
    let array = structDecl("Array", "An ordered collection with value semantics.")
    let dictionary = structDecl("Dictionary", "Values by unique key.")
    let set = structDecl("Set", "Unique elements without an order.")
    let optional = NominalDecl(name: "Optional", kind: .enumeration, origin: .standard, doc: "A value or nil.")
    let range = structDecl("Range", "The values from a lower bound up to, not including, an upper bound.")
    let closedRange = structDecl("ClosedRange", "The values from a lower bound through an upper bound.")
    let partialRangeFrom = structDecl("PartialRangeFrom", "The values from a lower bound on (`2...`).")
    let partialRangeUpTo = structDecl("PartialRangeUpTo", "The values below an upper bound (`..<5`).")
    let partialRangeThrough = structDecl("PartialRangeThrough", "The values up to an upper bound (`...5`).")
    let arraySlice = structDecl("ArraySlice", "A view of part of an array; its indices are the array's.")
    let substring = structDecl("Substring", "A view of part of a string.")
    let reversedCollection = structDecl("ReversedCollection", "A collection's elements in reverse order.")
    let enumeratedSequence = structDecl("EnumeratedSequence", "Pairs of an offset and an element.")
    let zip2Sequence = structDecl("Zip2Sequence", "Pairs of elements of two sequences.")
    let strideTo = structDecl("StrideTo", "Values from a start up to, not including, an end, in steps.")
    let strideThrough = structDecl("StrideThrough", "Values from a start through an end, in steps.")
    let dictionaryKeys = structDecl("Keys", "A dictionary's keys.")
    let dictionaryValues = structDecl("Values", "A dictionary's values.")
    let characterSet = structDecl("CharacterSet", "A set of Unicode scalars (Foundation), for trimming.")
    let roundingRule = NominalDecl(name: "FloatingPointRoundingRule", kind: .enumeration, origin: .standard,
                                   doc: "How rounded(_:) rounds: .up, .down, .towardZero, .toNearestOrEven …")
    let lazySequence = structDecl("LazySequence", "A lazy view of a sequence.")
    let floatingPointSign = NominalDecl(name: "FloatingPointSign", kind: .enumeration, origin: .standard,
                                        doc: "The sign of a floating-point value: .plus or .minus.")
    /// The uninhabited parameter of the postfix `...` whose function type is `UnboundedRange`
    /// (`a[...]`, `x[..., 1]`), as in the standard library.
    let unboundedRange_ = NominalDecl(name: "UnboundedRange_", kind: .enumeration, origin: .standard,
                                      doc: "The operand type of the `...` that stands for a whole range.")

    /// Unused placeholder kept for the element of sequences in messages.
    let sequenceElement: GenericParameter
    /// `Optional.none` and `Optional.some(_)`, for patterns and `.none`/`.some(x)`.
    let noneCase = EnumCaseDecl(name: "none", payload: nil, index: 0)
    let someCase = EnumCaseDecl(name: "some", payload: [], index: 1)

    var all: [NominalDecl] {
        [equatable, hashable, comparable, sequence, collection, bidirectionalCollection, randomAccessCollection, mutableCollection,
         rangeReplaceableCollection, additiveArithmetic, numeric, signedNumeric, binaryInteger, signedInteger, fixedWidthInteger,
         floatingPoint, binaryFloatingPoint, strideable, customStringConvertible, customDebugStringConvertible, losslessStringConvertible,
         error, caseIterable, rawRepresentable, stringProtocol, setAlgebra, cVarArg, expressibleByIntegerLiteral, expressibleByFloatLiteral,
         expressibleByStringLiteral, expressibleByBooleanLiteral, expressibleByNilLiteral, expressibleByArrayLiteral,
         expressibleByDictionaryLiteral,
         int, double, bool, string, character, never, array, dictionary, set, optional, range, closedRange, partialRangeFrom,
         partialRangeUpTo, partialRangeThrough, arraySlice, substring, reversedCollection, enumeratedSequence, zip2Sequence,
         strideTo, strideThrough, characterSet, roundingRule, floatingPointSign, unboundedRange_]
    }

    init() {
        // Protocol refinements.
        hashable.conformances = [equatable]
        comparable.conformances = [equatable]
        collection.conformances = [sequence]
        bidirectionalCollection.conformances = [collection]
        randomAccessCollection.conformances = [bidirectionalCollection]
        mutableCollection.conformances = [collection]
        rangeReplaceableCollection.conformances = [collection]
        numeric.conformances = [additiveArithmetic, expressibleByIntegerLiteral]
        signedNumeric.conformances = [numeric]
        binaryInteger.conformances = [hashable, numeric, strideable, customStringConvertible]
        signedInteger.conformances = [binaryInteger, signedNumeric]
        fixedWidthInteger.conformances = [binaryInteger, losslessStringConvertible]
        floatingPoint.conformances = [signedNumeric, strideable, hashable]
        binaryFloatingPoint.conformances = [floatingPoint, expressibleByFloatLiteral]
        strideable.conformances = [comparable]
        stringProtocol.conformances = [bidirectionalCollection, comparable, hashable, customStringConvertible,
                                       expressibleByStringLiteral, losslessStringConvertible]
        additiveArithmetic.conformances = [equatable]
        setAlgebra.conformances = [equatable]

        // Every protocol's members see `Self` (index 0) and its associated types as generic parameters.
        let collections = [sequence, collection, bidirectionalCollection, randomAccessCollection, mutableCollection,
                           rangeReplaceableCollection]
        for p in collections { p.associatedTypeNames = ["Element"] }
        rawRepresentable.associatedTypeNames = ["RawValue"]
        sequenceElement = GenericParameter(name: "Element", index: 1)
        for p in [equatable, hashable, comparable, sequence, collection, bidirectionalCollection, randomAccessCollection, mutableCollection,
                  rangeReplaceableCollection, additiveArithmetic, numeric, signedNumeric, binaryInteger, signedInteger, fixedWidthInteger,
                  floatingPoint, binaryFloatingPoint, strideable, customStringConvertible, customDebugStringConvertible,
                  losslessStringConvertible, error, caseIterable, rawRepresentable, stringProtocol, setAlgebra, cVarArg] {
            p.genericParameters = [GenericParameter(name: "Self", conformances: [p], index: 0)]
                + p.associatedTypeNames.enumerated().map { GenericParameter(name: $1, index: $0 + 1) }
        }

        // Types and what they conform to.
        int.conformances = [signedInteger, fixedWidthInteger, comparable, hashable, customStringConvertible, losslessStringConvertible,
                            expressibleByIntegerLiteral, strideable]
        double.conformances = [binaryFloatingPoint, comparable, hashable, customStringConvertible, losslessStringConvertible,
                               expressibleByIntegerLiteral, expressibleByFloatLiteral, strideable]
        bool.conformances = [equatable, hashable, customStringConvertible, losslessStringConvertible, expressibleByBooleanLiteral]
        string.conformances = [stringProtocol, comparable, hashable, customStringConvertible, losslessStringConvertible,
                               expressibleByStringLiteral, rangeReplaceableCollection, bidirectionalCollection, sequence]
        character.conformances = [comparable, hashable, customStringConvertible, losslessStringConvertible, expressibleByStringLiteral]
        never.conformances = [equatable, hashable, comparable, error]
        substring.conformances = [stringProtocol, comparable, hashable, customStringConvertible, rangeReplaceableCollection,
                                  bidirectionalCollection, sequence]

        func generic(_ decl: NominalDecl, _ names: [String], hashableFirst: Bool = false) {
            decl.genericParameters = names.enumerated().map { i, name in
                GenericParameter(name: name, conformances: i == 0 && hashableFirst ? [hashable] : [], index: i)
            }
        }
        generic(array, ["Element"])
        generic(set, ["Element"], hashableFirst: true)
        generic(dictionary, ["Key", "Value"], hashableFirst: true)
        generic(optional, ["Wrapped"])
        for r in [range, closedRange, partialRangeFrom, partialRangeUpTo, partialRangeThrough] {
            r.genericParameters = [GenericParameter(name: "Bound", conformances: [comparable], index: 0)]
        }
        generic(arraySlice, ["Element"])
        generic(reversedCollection, ["Base"])
        generic(enumeratedSequence, ["Base"])
        generic(zip2Sequence, ["Sequence1", "Sequence2"])
        generic(strideTo, ["Element"])
        generic(strideThrough, ["Element"])
        generic(lazySequence, ["Base"])
        dictionaryKeys.parent = dictionary
        dictionaryValues.parent = dictionary
        dictionary.nestedTypes["Keys"] = dictionaryKeys
        dictionary.nestedTypes["Values"] = dictionaryValues
        generic(dictionaryKeys, ["Key", "Value"], hashableFirst: true)
        generic(dictionaryValues, ["Key", "Value"], hashableFirst: true)

        array.conformances = [randomAccessCollection, mutableCollection, rangeReplaceableCollection, bidirectionalCollection,
                              collection, sequence, customStringConvertible, expressibleByArrayLiteral]
        arraySlice.conformances = array.conformances
        set.conformances = [setAlgebra, collection, sequence, equatable, hashable, customStringConvertible, expressibleByArrayLiteral]
        dictionary.conformances = [collection, sequence, customStringConvertible, expressibleByDictionaryLiteral]
        optional.conformances = [expressibleByNilLiteral]
        range.conformances = [randomAccessCollection, bidirectionalCollection, collection, sequence, equatable, hashable,
                              customStringConvertible]
        closedRange.conformances = range.conformances
        partialRangeFrom.conformances = [sequence]
        reversedCollection.conformances = [bidirectionalCollection, collection, sequence]
        enumeratedSequence.conformances = [sequence]
        zip2Sequence.conformances = [sequence]
        strideTo.conformances = [sequence]
        strideThrough.conformances = [sequence]
        dictionaryKeys.conformances = [collection, sequence, equatable, customStringConvertible]
        dictionaryValues.conformances = [collection, sequence, customStringConvertible]
        lazySequence.conformances = [sequence]
        characterSet.conformances = [equatable, hashable]
        roundingRule.conformances = [equatable, hashable]
        floatingPointSign.conformances = [equatable, hashable]
        someCase.payload = [TupleElementType(label: nil, type: .parameter(optional.genericParameters[0]))]
        for c in [noneCase, someCase] {
            c.owner = optional
            optional.addStatic(.enumCase(c))
        }
        optional.cases = [noneCase, someCase]
        int.conformances.append(cVarArg)
        double.conformances.append(cVarArg)
        string.conformances.append(cVarArg)
        int.associatedTypes["Stride"] = .int
        double.associatedTypes["Stride"] = .double
    }

    /// `UnboundedRange`: the type of `...` written alone, `(UnboundedRange_) -> ()`.
    var unboundedRange: CellType {
        .function(FunctionType(parameters: [ParameterType(.nominal(unboundedRange_, []))], result: .void))
    }

    private static func protocolDecl(_ name: String, _ doc: String) -> NominalDecl {
        NominalDecl(name: name, kind: .protocolType, origin: .standard, doc: doc)
    }
}

private func protocolDecl(_ name: String, _ doc: String) -> NominalDecl {
    NominalDecl(name: name, kind: .protocolType, origin: .standard, doc: doc)
}

private func structDecl(_ name: String, _ doc: String) -> NominalDecl {
    NominalDecl(name: name, kind: .structure, origin: .standard, doc: doc)
}
