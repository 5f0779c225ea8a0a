// Golden cases: TeX and the MathML inside `<semantics>` it must produce, in the manner of
// texmath's `<<< tex >>> mathml` files. Regenerate only after checking the change in a browser.
@testable import TeXToMathML

extension GoldenCase {
    /// Greek letters and their variants: lower case italic, capitals upright.
    static let greek: [GoldenCase] = [
        GoldenCase(#"\alpha\beta\gamma\delta\epsilon\varepsilon\zeta\eta"#,
                   #"<mrow><mi>α</mi><mi>β</mi><mi>γ</mi><mi>δ</mi><mi>ϵ</mi><mi>ε</mi><mi>ζ</mi><mi>η</mi></mrow>"#),
        GoldenCase(#"\theta\vartheta\iota\kappa\varkappa\lambda\mu\nu"#,
                   #"<mrow><mi>θ</mi><mi>ϑ</mi><mi>ι</mi><mi>κ</mi><mi>ϰ</mi><mi>λ</mi><mi>μ</mi><mi>ν</mi></mrow>"#),
        GoldenCase(#"\xi\omicron\pi\varpi\rho\varrho\sigma\varsigma"#,
                   #"<mrow><mi>ξ</mi><mi>ο</mi><mi>π</mi><mi>ϖ</mi><mi>ρ</mi><mi>ϱ</mi><mi>σ</mi><mi>ς</mi></mrow>"#),
        GoldenCase(#"\tau\upsilon\phi\varphi\chi\psi\omega\digamma"#,
                   #"<mrow><mi>τ</mi><mi>υ</mi><mi>ϕ</mi><mi>φ</mi><mi>χ</mi><mi>ψ</mi><mi>ω</mi><mi>ϝ</mi></mrow>"#),
        GoldenCase(#"\Gamma\Delta\Theta\Lambda\Xi\Pi"#,
                   #"<mrow><mi mathvariant="normal">Γ</mi><mi mathvariant="normal">Δ</mi><mi mathvariant="normal">Θ</mi><mi mathvariant="normal">Λ</mi><mi mathvariant="normal">Ξ</mi><mi mathvariant="normal">Π</mi></mrow>"#),
        GoldenCase(#"\Sigma\Upsilon\Phi\Psi\Omega"#,
                   #"<mrow><mi mathvariant="normal">Σ</mi><mi mathvariant="normal">Υ</mi><mi mathvariant="normal">Φ</mi><mi mathvariant="normal">Ψ</mi><mi mathvariant="normal">Ω</mi></mrow>"#),
        GoldenCase(#"\varGamma\varDelta\varSigma\varOmega"#,
                   #"<mrow><mi>𝛤</mi><mi>𝛥</mi><mi>𝛴</mi><mi>𝛺</mi></mrow>"#),
        GoldenCase(#"\sigma^2"#,
                   #"<msup><mi>σ</mi><mn>2</mn></msup>"#),
        GoldenCase(#"\Sigma^{-1}"#,
                   #"<msup><mi mathvariant="normal">Σ</mi><mrow><mo lspace="0em" rspace="0em">−</mo><mn>1</mn></mrow></msup>"#),
    ]
}
