import Synchronization

extension Tensor {
    private static let limit = Atomic<Int>(1 << 28)

    /// The largest number of elements any operation may create (default 2^28, 2 GiB of doubles).
    /// Larger requests throw `TensorError.tooLarge` instead of exhausting memory; an embedding
    /// interpreter may lower it.
    public static var elementLimit: Int {
        get { limit.load(ordering: .relaxed) }
        set { limit.store(Swift.max(1, newValue), ordering: .relaxed) }
    }
}
