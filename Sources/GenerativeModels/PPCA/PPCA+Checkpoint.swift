import Tensors

extension PPCA {
    /// Saves the fitted `μ`, `W` and `σ²` to a checkpoint file (see `Checkpoint`).
    public func save(to path: String) throws {
        try checkFitted("save")
        try Checkpoint.save([("mean", mean), ("weight", weight), ("noiseVariance", Tensor(noiseVariance))], to: path)
    }

    /// Loads `μ`, `W` and `σ²` saved by `save(to:)`; the file's `W` must have this model's components.
    public func load(from path: String) throws {
        let t = try Checkpoint.load([("mean", nil), ("weight", nil), ("noiseVariance", [])], from: path)
        guard t[0].rank == 1, t[1].shape == [t[0].count, components], try t[2].item > 0 else {
            throw CheckpointError.mismatch(
                path: path, reason: "expected a mean [d], a weight [d, \(components)] and a positive noise variance; got \(t[0].shape), \(t[1].shape)")
        }
        mean = t[0]
        weight = t[1]
        noiseVariance = try t[2].item
    }
}
