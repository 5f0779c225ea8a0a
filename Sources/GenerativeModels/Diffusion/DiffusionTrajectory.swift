import Tensors

/// The result of a sampling run with snapshots: the final samples and the state at chosen steps of
/// the reverse process, from pure noise (t = T) to the samples (t = 0), for plotting how noise
/// turns into data.
public struct DiffusionTrajectory: Sendable {
    /// The final samples x₀, `[count, dimension]`.
    public let samples: Tensor
    /// The step t of each snapshot, decreasing from T to 0.
    public let steps: [Int]
    /// The states x_t at those steps, each `[count, dimension]`.
    public let snapshots: [Tensor]
}
