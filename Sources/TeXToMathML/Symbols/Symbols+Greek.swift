extension Symbols {
    /// Greek letters: lower case italic, upper case upright (TeX's convention), and the
    /// `\var…` variants (`\varphi` is φ, `\phi` is ϕ, as in Computer Modern).
    static let greek: [String: Symbol] = [
        "alpha": .mi("α"), "beta": .mi("β"), "gamma": .mi("γ"), "delta": .mi("δ"),
        "epsilon": .mi("ϵ"), "varepsilon": .mi("ε"), "zeta": .mi("ζ"), "eta": .mi("η"),
        "theta": .mi("θ"), "vartheta": .mi("ϑ"), "iota": .mi("ι"), "kappa": .mi("κ"),
        "varkappa": .mi("ϰ"), "lambda": .mi("λ"), "mu": .mi("μ"), "nu": .mi("ν"),
        "xi": .mi("ξ"), "omicron": .mi("ο"), "pi": .mi("π"), "varpi": .mi("ϖ"),
        "rho": .mi("ρ"), "varrho": .mi("ϱ"), "sigma": .mi("σ"), "varsigma": .mi("ς"),
        "tau": .mi("τ"), "upsilon": .mi("υ"), "phi": .mi("ϕ"), "varphi": .mi("φ"),
        "chi": .mi("χ"), "psi": .mi("ψ"), "omega": .mi("ω"), "digamma": .mi("ϝ"),

        "Gamma": .upright("Γ"), "Delta": .upright("Δ"), "Theta": .upright("Θ"),
        "Lambda": .upright("Λ"), "Xi": .upright("Ξ"), "Pi": .upright("Π"),
        "Sigma": .upright("Σ"), "Upsilon": .upright("Υ"), "Phi": .upright("Φ"),
        "Psi": .upright("Ψ"), "Omega": .upright("Ω"),

        "varGamma": .mi("𝛤"), "varDelta": .mi("𝛥"), "varTheta": .mi("𝛩"),
        "varLambda": .mi("𝛬"), "varXi": .mi("𝛯"), "varPi": .mi("𝛱"),
        "varSigma": .mi("𝛴"), "varUpsilon": .mi("𝛶"), "varPhi": .mi("𝛷"),
        "varPsi": .mi("𝛹"), "varOmega": .mi("𝛺"),
    ]
}
