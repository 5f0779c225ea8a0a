import Tensors

/// Sample-quality measures usable on any model's samples against data: kernel MMD, nearest-neighbour
/// distances, image sharpness, and mode coverage on a mixture such as `Dataset.ring`.
public enum Evaluation {}
