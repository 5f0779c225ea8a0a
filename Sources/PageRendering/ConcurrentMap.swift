import Foundation

/// `items.map(transform)` with the items spread over the processor's cores, results in the items'
/// order. For independent work of some size that shares no mutable state (rendering a page,
/// scanning one for search): a course's site renders in about half the time on two cores.
public func concurrentMap<Item, Result>(_ items: [Item], _ transform: (Item) -> Result) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let work = SharedWork(items: items, transform: transform, slots: slots)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in work.run(i) }
        return slots.map { $0! }
    }
}

/// What `concurrentMap`'s iterations share. Unchecked Sendable: the items and the transform are
/// only read, and iteration `i` writes slot `i` and no other.
private struct SharedWork<Item, Result>: @unchecked Sendable {
    let items: [Item]
    let transform: (Item) -> Result
    let slots: UnsafeMutableBufferPointer<Result?>

    func run(_ i: Int) { slots[i] = transform(items[i]) }
}
