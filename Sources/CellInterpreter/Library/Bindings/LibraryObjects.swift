import GenerativeModels
import Imaging
import NeuralNetworks
import Plotting
import Tensors

/// A library value held by a cell (a tensor, a model, a figure …): boxed, so `Value` stays small.
protocol LibraryObject: CellConvertible {
    /// The type's name in cells (`Tensor`, `PPCA`).
    static var cellTypeName: String { get }
    /// A short description, shown as `<PPCA: 2 components of 64 features>`.
    var cellSummary: String { get }
}

/// The box a cell holds a library object in. For a class, the box shares the object, as Swift
/// would; a struct (a tensor, labelled data) is never changed in place, so sharing is safe.
final class ObjectBox<T: LibraryObject>: LibraryValue, CustomStringConvertible {
    let object: T
    init(_ object: T) { self.object = object }
    var typeName: String { T.cellTypeName }
    var description: String {
        let s = object.cellSummary
        return s.isEmpty ? "<\(typeName)>" : "<\(typeName): \(s)>"
    }
}

extension LibraryObject {
    static func cellType(_ registry: Registry) -> CellType {
        guard let decl = registry.types[cellTypeName] else { preconditionFailure("library type \(cellTypeName) is not declared") }
        return .nominal(decl, [])
    }

    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Self {
        guard case .object(let o as ObjectBox<Self>) = value else { throw BridgingError(expected: cellTypeName) }
        return o.object
    }

    func toCell(_ call: NativeCall) -> Value { .object(ObjectBox(self)) }
}

/// A tensor as cells hold it, printed as NumPy prints arrays.
final class TensorValue: LibraryValue, CustomStringConvertible {
    let tensor: Tensor
    init(_ tensor: Tensor) { self.tensor = tensor }
    var typeName: String { "Tensor" }
    var description: String { tensor.description }
}

extension Tensor: CellConvertible {
    static func cellType(_ registry: Registry) -> CellType { .nominal(registry.types["Tensor"]!, []) }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> Tensor {
        guard case .object(let o as TensorValue) = value else { throw BridgingError(expected: "Tensor") }
        return o.tensor
    }
    func toCell(_ call: NativeCall) -> Value { .object(TensorValue(self)) }
}

extension Value {
    static func tensor(_ t: Tensor) -> Value { .object(TensorValue(t)) }
}

/// A box whose object is a model or layer with parameters.
protocol ModuleHolder {
    var module: any Module { get }
}

extension ObjectBox: ModuleHolder where T: Module {
    var module: any Module { object }
}

/// A model or layer a cell passes as `any Module`: any library object with parameters.
struct AnyModule: CellConvertible {
    let module: any Module
    /// What the cell passed, given back unchanged.
    let value: Value

    static func cellType(_ registry: Registry) -> CellType { .existential([registry.types["Module"]!]) }
    static func fromCell(_ value: Value, _ call: NativeCall) throws -> AnyModule {
        var inner = value
        if case .existential(let box) = inner { inner = box.value }
        guard case .object(let o as any ModuleHolder) = inner else { throw BridgingError(expected: "a model or layer") }
        return AnyModule(module: o.module, value: value)
    }
    func toCell(_ call: NativeCall) -> Value { value }
}

/// Labelled data is a struct; cells hold it read-only.
extension LabeledData: LibraryObject {
    static var cellTypeName: String { "LabeledData" }
    var cellSummary: String { "\(count) rows × \(x.rank == 2 ? x.shape[1] : 0) features, \(classCount) classes" }
}

extension LossHistory: LibraryObject {
    static var cellTypeName: String { "LossHistory" }
    var cellSummary: String { names.map { "\($0): \(self[$0].count) values" }.joined(separator: ", ") }
}

extension Gradients: LibraryObject {
    static var cellTypeName: String { "Gradients" }
    var cellSummary: String { "\(names.count) tensors, norm \(formatDouble(globalNorm))" }
}

extension Linear: LibraryObject {
    static var cellTypeName: String { "Linear" }
    var cellSummary: String { "\(parameterCount) parameters" }
}

extension MLP: LibraryObject {
    static var cellTypeName: String { "MLP" }
    var cellSummary: String { "\(parameterCount) parameters" }
}

extension LearningRateSchedule: LibraryObject {
    static var cellTypeName: String { "LearningRateSchedule" }
    var cellSummary: String { description }
}

extension Adam: LibraryObject {
    static var cellTypeName: String { "Adam" }
    var cellSummary: String { "learning rate \(formatDouble(learningRate)), step \(step)" }
}

extension SGD: LibraryObject {
    static var cellTypeName: String { "SGD" }
    var cellSummary: String { "learning rate \(formatDouble(learningRate)), step \(step)" }
}

/// A plot or a figure of panels: shown as inline SVG under the cell.
struct FigureObject: LibraryObject, RichDisplayable {
    static var cellTypeName: String { "Figure" }
    var cellSummary: String { title ?? panels.first?.title ?? "" }
    let panels: [Plot]
    var columns: Int?
    var title: String?
    var sharedAxes = false

    func display(size: DisplaySize, categoryColors: inout CategoryColors) throws -> DisplayedValue {
        var figure = Figure(panels, columns: columns, title: title, sharedAxes: sharedAxes)
        if panels.count == 1 {
            figure = Figure(panels[0], width: size.width ?? 640, height: size.height ?? 400, title: title)
        } else {
            if let w = size.width { figure.width = w }
            if let h = size.height { figure.height = h }
        }
        return .svg(try figure.svg(categoryColors: &categoryColors), description: title ?? panels.first?.title ?? "Figure")
    }
}

/// A raster image (an image grid): shown as an embedded PNG.
struct ImageObject: LibraryObject, RichDisplayable {
    static var cellTypeName: String { "Image" }
    var cellSummary: String { "\(image.width)×\(image.height)" }
    let image: PixelImage
    let summary: String

    func display(size: DisplaySize, categoryColors: inout CategoryColors) throws -> DisplayedValue {
        .png(try image.pngData(), width: image.width, height: image.height, description: summary)
    }
}

extension ObjectBox: RichDisplayable where T: RichDisplayable {
    func display(size: DisplaySize, categoryColors: inout CategoryColors) throws -> DisplayedValue {
        try object.display(size: size, categoryColors: &categoryColors)
    }
}

extension PPCA: LibraryObject {
    static var cellTypeName: String { "PPCA" }
    var cellSummary: String {
        featureCount == 0 ? "\(components) components, not fitted"
            : "\(components) components of \(featureCount) features, σ² = \(formatDouble(noiseVariance))"
    }
}

extension MADE: LibraryObject {
    static var cellTypeName: String { "MADE" }
    var cellSummary: String { "\(inputs) inputs, hidden \(hidden), \(orderingCount) ordering\(orderingCount == 1 ? "" : "s")" }
}

extension PixelCNN: LibraryObject {
    static var cellTypeName: String { "PixelCNN" }
    var cellSummary: String { "\(height)×\(width) binary images, \(channels) maps, \(parameterCount) parameters" }
}

extension CharRNN: LibraryObject {
    static var cellTypeName: String { "CharRNN" }
    var cellSummary: String { "\(vocabularySize) characters, \(cell.rawValue.uppercased()) of \(hiddenSize) units" }
}

extension GaussianClassifier: LibraryObject {
    static var cellTypeName: String { "GaussianClassifier" }
    var cellSummary: String {
        classCount == 0 ? "\(covariance.rawValue) covariance, not fitted" : "\(classCount) classes, \(covariance.rawValue) covariance"
    }
}

extension LogisticRegression: LibraryObject {
    static var cellTypeName: String { "LogisticRegression" }
    var cellSummary: String { classCount == 0 ? "not fitted" : "\(classCount) classes" }
}

extension Autoencoder: LibraryObject {
    static var cellTypeName: String { "Autoencoder" }
    var cellSummary: String { "\(inputSize) → \(latentSize) → \(inputSize)" }
}

extension VAE: LibraryObject {
    static var cellTypeName: String { "VAE" }
    var cellSummary: String { "\(inputSize) → \(latentSize)-d latent, \(likelihood) decoder" }
}

extension VQVAE: LibraryObject {
    static var cellTypeName: String { "VQVAE" }
    var cellSummary: String { "\(inputSize) → \(latentCount) codes from a book of \(codebookSize) × \(codeSize)" }
}

extension GAN: LibraryObject {
    static var cellTypeName: String { "GAN" }
    var cellSummary: String { "\(latentDimension)-d noise → \(dataDimension)-d data, \(loss.rawValue) loss" }
}

extension DDPM: LibraryObject {
    static var cellTypeName: String { "DDPM" }
    var cellSummary: String { "\(dataDimension)-d data, T = \(steps), \(schedule.kind.rawValue) schedule" }
}

extension Registry {
    /// Every type of the model library, declared before any binding so signatures may name
    /// each other in any order: one place for each type's doc and topic.
    func registerLibraryTypes() {
        let types: [(String, Bool, String, String)] = [
            ("Tensor", false, "An n-dimensional array of Doubles with broadcasting arithmetic and gradients.", "Tensors"),
            ("Linalg", false, "Linear algebra on matrices: decompositions, solves, determinants.", "Tensors"),
            ("Linear", true, "A fully connected layer y = x W + b (Glorot-initialised from the notebook's generator).", "Neural networks"),
            ("MLP", true, "A multilayer perceptron through the given widths (Kaiming-initialised).", "Neural networks"),
            ("Adam", true, "Adam with bias correction (Kingma & Ba, 2015).", "Neural networks"),
            ("SGD", true, "Stochastic gradient descent, optionally with momentum.", "Neural networks"),
            ("Gradients", false, "Gradients of a model's parameters.", "Neural networks"),
            ("LearningRateSchedule", false, "A learning rate by step, with PyTorch's scheduler formulas: set it as an optimiser's schedule.",
             "Neural networks"),
            ("Figure", false, "A plot, or panels of plots; shown as SVG under the cell.", "Figures"),
            ("Image", false, "A raster image; shown as an embedded PNG.", "Figures"),
            ("Dataset", false, "The course's data: the 8×8 digits and seeded synthetic sets.", "Data"),
            ("LabeledData", false, "Rows of features with an integer class label each.", "Data"),
            ("LossHistory", false, "The losses a model recorded while training, by name (\"loss\", \"kl\", …).", "Models"),
            ("GaussianClassifier", true, "A generative classifier: a Gaussian per class and class priors, classified by Bayes' rule.",
             "Models: generative vs discriminative"),
            ("LogisticRegression", true, "A discriminative classifier: p(y | x) = softmax(xW + b), trained by Adam.",
             "Models: generative vs discriminative"),
            ("PPCA", true, "Probabilistic PCA: x = Wz + μ + ε, z ~ N(0, I), ε ~ N(0, σ²I) (Tipping & Bishop, 1999).", "Models: probabilistic PCA"),
            ("MADE", true, "A masked autoencoder for distribution estimation: an autoregressive model of binary vectors (Germain et al., 2015).",
             "Models: autoregressive"),
            ("PixelCNN", true, "An autoregressive model of binary images built from masked convolutions (van den Oord et al., 2016).",
             "Models: autoregressive"),
            ("CharRNN", true, "A character-level language model: an embedding, a GRU/LSTM/RNN and a softmax over characters.",
             "Models: autoregressive"),
            ("Autoencoder", true, "An encoder and a decoder MLP trained to reconstruct their input through a narrow code.", "Models: autoencoders"),
            ("VAE", true, "A variational autoencoder: Gaussian encoder q(z|x), decoder p(x|z), trained on the ELBO (Kingma & Welling, 2014).",
             "Models: autoencoders"),
            ("VQVAE", true, "A vector-quantised autoencoder: codes snapped to a learned codebook (van den Oord et al., 2017).", "Models: autoencoders"),
            ("GAN", true, "A generative adversarial network: an MLP generator against an MLP discriminator (Goodfellow et al., 2014).", "Models: GANs"),
            ("DDPM", true, "A denoising diffusion probabilistic model with an ε-predicting MLP (Ho et al., 2020).", "Models: diffusion"),
            ("Evaluation", false, "Measures of sample quality against data, usable on any model's samples.", "Evaluation"),
        ]
        for (name, isClass, doc, topic) in types {
            let decl = NominalDecl(name: name, kind: isClass ? .classType : .structure, origin: .library, doc: doc)
            decl.isFinal = true
            addType(decl, topic: topic)
        }
        // The types with trainable parameters: what valueAndGrad takes, one or several at once.
        let module = NominalDecl(name: "Module", kind: .protocolType, origin: .library,
                                 doc: "A layer or model with trainable parameters: what valueAndGrad differentiates.")
        module.genericParameters = [GenericParameter(name: "Self", conformances: [module], index: 0)]
        addType(module, topic: "Neural networks")
        for name in Self.moduleTypeNames {
            self.types[name]!.conformances.append(module)
        }
    }

    /// The library types with trainable parameters (they conform to `Module` in cells).
    static let moduleTypeNames = ["Linear", "MLP", "LogisticRegression", "MADE", "PixelCNN", "CharRNN", "Autoencoder", "VAE", "VQVAE", "GAN", "DDPM"]

    /// A library type declared by `registerLibraryTypes`.
    func libraryDecl(_ name: String) -> NominalDecl {
        guard let decl = types[name] else { preconditionFailure("library type \(name) is not declared") }
        return decl
    }
}
