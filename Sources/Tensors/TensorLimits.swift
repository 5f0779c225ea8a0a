import Synchronization

extension Tensor {
    private static let limit = Atomic<Int>(1 << 28)

    /// The limit of the code running now, set by `withElementLimit` (an interpreter's cell).
    @TaskLocal private static var scopedLimit: Int?

    /// The largest number of elements any operation may create: the process-wide limit
    /// (default 2^28, 2 GiB of doubles), or a lower one set with `withElementLimit` for the code
    /// running inside it. Larger requests throw `TensorError.tooLarge` instead of exhausting memory.
    public static var elementLimit: Int {
        get {
            let global = limit.load(ordering: .relaxed)
            guard let scoped = scopedLimit else { return global }
            return Swift.min(global, scoped)
        }
        set { limit.store(Swift.max(1, newValue), ordering: .relaxed) }
    }

    /// Runs `body` with at most `elements` elements per tensor (never more than the process-wide
    /// limit), on this thread and in tasks it starts: an interpreter gives each cell its own limit.
    public static func withElementLimit<T, E: Error>(_ elements: Int, _ body: () throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = $scopedLimit.withValue(Swift.max(1, elements)) {
            do throws(E) { return .success(try body()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
