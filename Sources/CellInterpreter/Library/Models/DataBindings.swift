import GenerativeModels
import Tensors

/// Labelled data as cells hold it: `digits.x`, `digits.labels`, `digits.split()`.
typealias LabeledDataBox = ModelBox<LabeledDataReference>

/// `LabeledData` is a struct; the box holds it by reference, read-only.
final class LabeledDataReference {
    let data: LabeledData
    init(_ data: LabeledData) { self.data = data }
}

extension Value {
    static func labeled(_ d: LabeledData) -> Value {
        .object(LabeledDataBox(LabeledDataReference(d), typeName: "LabeledData") { r in
            "\(r.data.count) rows × \(r.data.x.rank == 2 ? r.data.x.shape[1] : 0) features, \(r.data.classCount) classes"
        })
    }
}

extension Invocation {
    func labeledData(_ i: Int) throws -> LabeledData {
        try model(i, LabeledDataReference.self, named: "LabeledData").data
    }
}

extension Registry {
    func registerData() {
        let dataset = TypeBinding("Dataset", doc: "The course's data: the 8×8 digits and seeded synthetic sets.")
        dataset.staticMethod(NativeFunction("digits() -> LabeledData",
                                            doc: "The UCI optdigits 8×8 handwritten digits: 1797 images in [0, 1], labels 0–9 (CC BY 4.0).") { _ in
            .labeled(try Dataset.digits())
        })
        dataset.staticMethod(NativeFunction("ring(count: Int = 1000, modes: Int = 8, radius: Double = 2, noise: Double = 0.05, seed: Int? = nil) -> Tensor",
                                            doc: "A mixture of Gaussians evenly spaced on a circle: the mode-collapse test set.") { call in
            .tensor(try Dataset.ring(count: try call.int(0, default: 1000), modes: try call.int(1, default: 8),
                                     radius: try call.double(2, default: 2), noise: try call.double(3, default: 0.05),
                                     seed: try call.seed(4)))
        })
        dataset.staticMethod(NativeFunction("moons(count: Int = 1000, noise: Double = 0.1, seed: Int? = nil) -> LabeledData",
                                            doc: "Two interleaving half circles, labelled 0 and 1.") { call in
            .labeled(try Dataset.moons(count: try call.int(0, default: 1000), noise: try call.double(1, default: 0.1), seed: try call.seed(2)))
        })
        dataset.staticMethod(NativeFunction("blobs(count: Int = 1000, centers: Int = 3, noise: Double = 0.5, seed: Int? = nil) -> LabeledData",
                                            doc: "Gaussian clusters with centres on a circle of radius 4, labelled by cluster.") { call in
            .labeled(try Dataset.blobs(count: try call.int(0, default: 1000), centers: try call.int(1, default: 3),
                                       noise: try call.double(2, default: 0.5), seed: try call.seed(3)))
        })
        dataset.staticMethod(NativeFunction("swissRoll(count: Int = 1000, noise: Double = 0.1, seed: Int? = nil) -> Tensor",
                                            doc: "A 2-D spiral, t·(cos t, sin t)/5.") { call in
            .tensor(try Dataset.swissRoll(count: try call.int(0, default: 1000), noise: try call.double(1, default: 0.1), seed: try call.seed(2)))
        })
        dataset.staticMethod(NativeFunction("csv(path: String, hasHeader: Bool = false) -> Tensor",
                                            doc: "A CSV file of numbers as a matrix (path relative to the notebook).") { call in
            .tensor(try Dataset.csv(path: try call.path(0), hasHeader: try call.bool(1, default: false)))
        })
        dataset.staticMethod(NativeFunction("labeledCSV(path: String, labelColumn: Int = 0, hasHeader: Bool = false) -> LabeledData",
                                            doc: "A CSV file of numbers with one column of integer labels.") { call in
            .labeled(try Dataset.labeledCSV(path: try call.path(0), labelColumn: try call.int(1, default: 0), hasHeader: try call.bool(2, default: false)))
        })
        type(dataset, topic: "Data")

        func get(_ f: @escaping (LabeledData) -> Value) -> (Value) throws -> Value {
            { v in
                guard case .object(let o as LabeledDataBox) = v else { return .none }
                return f(o.model.data)
            }
        }
        type(TypeBinding("LabeledData", doc: "Rows of features with an integer class label each.")
            .property(NativeProperty("x", "Tensor", doc: "The features, one row per example.", get: get { .tensor($0.x) }))
            .property(NativeProperty("labels", "[Int]", doc: "The class of each row.", get: get { .ints($0.labels) }))
            .property(NativeProperty("labelTensor", "Tensor", doc: "The labels as a tensor (for colouring a scatter).", get: get { .tensor($0.labelTensor) }))
            .property(NativeProperty("binarized", "Tensor", doc: "The features thresholded at 0.5 (0 or 1).", get: get { .tensor($0.binarized) }))
            .property(NativeProperty("count", "Int", doc: "The number of rows.", get: get { .int($0.count) }))
            .property(NativeProperty("classCount", "Int", doc: "The number of classes (largest label + 1).", get: get { .int($0.classCount) }))
            .method(NativeFunction("split(testFraction: Double = 0.2, seed: Int? = nil) -> (train: LabeledData, test: LabeledData)",
                                   doc: "A seeded random split into training and held-out rows.") { call in
                let d = try call.model(LabeledDataReference.self).data
                let (train, test) = try d.split(testFraction: try call.double(0, default: 0.2), seed: try call.seed(1))
                return call.record(["train": .labeled(train), "test": .labeled(test)])
            })
            .method(NativeFunction("rows(_ indices: [Int]) -> LabeledData", doc: "The rows at the given indices.") { call in
                .labeled(try call.model(LabeledDataReference.self).data.rows(try call.ints(0)))
            }),
             topic: "Data")
    }
}
