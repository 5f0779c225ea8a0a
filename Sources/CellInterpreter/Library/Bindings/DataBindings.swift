import GenerativeModels
import Tensors

extension Registry {
    /// The course's data sets, labelled data, and the loss histories models record.
    func registerData() {
        extend(libraryDecl("Dataset")) { t in
            t.staticMethod("static func digits() -> LabeledData",
                           doc: "The UCI optdigits 8×8 handwritten digits: 1797 images in [0, 1], labels 0–9 (CC BY 4.0).") { _ in
                try Dataset.digits()
            }
            t.staticMethod("static func courseNotes() -> String",
                           doc: "The prose of this course's notes (English with the slides' Chinese terms): the character model's corpus.") { _ in
                try Dataset.courseNotes()
            }
            t.staticMethod("static func ring(count: Int = 1000, modes: Int = 8, radius: Double = 2, noise: Double = 0.05, seed: Int? = nil) -> Tensor",
                           doc: "A mixture of Gaussians evenly spaced on a circle: the mode-collapse test set.") {
                (cx, count: Int, modes: Int, radius: Double, noise: Double, seed: Int?) in
                try Dataset.ring(count: count, modes: modes, radius: radius, noise: noise, seed: try cx.seed(seed))
            }
            t.staticMethod("static func moons(count: Int = 1000, noise: Double = 0.1, seed: Int? = nil) -> LabeledData",
                           doc: "Two interleaving half circles, labelled 0 and 1.") { (cx, count: Int, noise: Double, seed: Int?) in
                try Dataset.moons(count: count, noise: noise, seed: try cx.seed(seed))
            }
            t.staticMethod("static func blobs(count: Int = 1000, centers: Int = 3, noise: Double = 0.5, seed: Int? = nil) -> LabeledData",
                           doc: "Gaussian clusters with centres on a circle of radius 4, labelled by cluster.") {
                (cx, count: Int, centers: Int, noise: Double, seed: Int?) in
                try Dataset.blobs(count: count, centers: centers, noise: noise, seed: try cx.seed(seed))
            }
            t.staticMethod("static func swissRoll(count: Int = 1000, noise: Double = 0.1, seed: Int? = nil) -> Tensor",
                           doc: "A 2-D spiral, t·(cos t, sin t)/5.") { (cx, count: Int, noise: Double, seed: Int?) in
                try Dataset.swissRoll(count: count, noise: noise, seed: try cx.seed(seed))
            }
            t.staticMethod("static func csv(path: String, hasHeader: Bool = false) -> Tensor",
                           doc: "A CSV file of numbers as a matrix (path relative to the notebook).") { (cx, path: String, header: Bool) in
                try Dataset.csv(path: try cx.readPath(path), hasHeader: header)
            }
            t.staticMethod("static func labeledCSV(path: String, labelColumn: Int = 0, hasHeader: Bool = false) -> LabeledData",
                           doc: "A CSV file of numbers with one column of integer labels.") { (cx, path: String, column: Int, header: Bool) in
                try Dataset.labeledCSV(path: try cx.readPath(path), labelColumn: column, hasHeader: header)
            }
        }

        extend(libraryDecl("LabeledData")) { t in
            t.property("var x: Tensor", doc: "The features, one row per example.") { (d: LabeledData) in d.x }
            t.property("var labels: [Int]", doc: "The class of each row.") { (d: LabeledData) in d.labels }
            t.property("var labelTensor: Tensor", doc: "The labels as a tensor (for colouring a scatter).") { (d: LabeledData) in d.labelTensor }
            t.property("var binarized: Tensor", doc: "The features thresholded at 0.5 (0 or 1).") { (d: LabeledData) in d.binarized }
            t.property("var count: Int", doc: "The number of rows.") { (d: LabeledData) in d.count }
            t.property("var classCount: Int", doc: "The number of classes (largest label + 1).") { (d: LabeledData) in d.classCount }
            t.contextMethod("func split(testFraction: Double = 0.2, seed: Int? = nil) -> (train: LabeledData, test: LabeledData)",
                            doc: "A seeded random split into training and held-out rows.") { (cx, d: LabeledData, fraction: Double, seed: Int?) in
                let (train, test) = try d.split(testFraction: fraction, seed: try cx.seed(seed))
                return Pair(train, test)
            }
            t.method("func rows(_ indices: [Int]) -> LabeledData", doc: "The rows at the given indices.") { (d: LabeledData, rows: [Int]) in
                try d.rows(rows)
            }
        }

        extend(libraryDecl("LossHistory")) { t in
            t.subscriptMember("subscript(_ name: String) -> [Double]", doc: "The values recorded under a name, in order.", get: { call in
                let h = try LossHistory.fromCell(call.receiver, call)
                let name = call.arguments[0].stringValue
                guard h.names.contains(name) else {
                    throw call.fail("no losses named '\(name)'; recorded: \(h.names.joined(separator: ", "))")
                }
                return .array(h[name].map { .double($0) })
            })
            t.property("var names: [String]", doc: "The names recorded, sorted.") { (h: LossHistory) in h.names }
        }
    }
}
