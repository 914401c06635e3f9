/// A rectangle in SVG user units.
struct Box: Equatable {
    var x0: Double, y0: Double, x1: Double, y1: Double

    func overlaps(_ other: Box, margin: Double = 1) -> Bool {
        x0 < other.x1 + margin && other.x0 < x1 + margin && y0 < other.y1 + margin && other.y0 < y1 + margin
    }

    func inside(_ other: Box) -> Bool { x0 >= other.x0 && y0 >= other.y0 && x1 <= other.x1 && y1 <= other.y1 }
}

enum TextAnchor: String { case start, middle, end }

/// An SVG chart under construction that knows where each of its labels lies, so labels can be
/// placed without overlapping and a test can check that none do. Every text carries its own
/// `font-size` and `text-anchor` (no CSS classes), so its box can be computed from the file.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var body = ""
    /// The boxes of the text drawn so far (and of markers registered as obstacles).
    private(set) var occupied: [Box] = []

    /// `title` and `description` become the chart's `<title>` and `<desc>` for screen readers.
    init(width: Double, height: Double, title: String, description: String) {
        self.width = width
        self.height = height
        body = "<title>\(xml(title))</title>\n<desc>\(xml(description))</desc>\n"
    }

    var bounds: Box { Box(x0: 0, y0: 0, x1: width, y1: height) }

    /// The width of `text` at `size` px in a sans-serif face, erring wide: narrow letters 0.32 em,
    /// capitals and digits 0.68 em, wide letters 0.92 em, the rest 0.58 em.
    static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for c in text {
            switch c {
            case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]", " ", "I": em += 0.32
            case "m", "w", "M", "W", "—", "%": em += 0.92
            case _ where c.isUppercase || c.isNumber: em += 0.68
            default: em += 0.58
            }
        }
        return em * size * (bold ? 1.08 : 1)
    }

    /// The box of a text drawn at (`x`, `y`) on its baseline.
    static func textBox(_ text: String, x: Double, y: Double, size: Double, anchor: TextAnchor, bold: Bool = false) -> Box {
        let w = textWidth(text, size: size, bold: bold)
        let left = anchor == .start ? x : anchor == .middle ? x - w / 2 : x - w
        return Box(x0: left, y0: y - size * 0.8, x1: left + w, y1: y + size * 0.25)
    }

    /// Whether `box` is free of the text drawn so far and inside the chart.
    func fits(_ box: Box, margin: Double = 2) -> Bool {
        box.inside(bounds) && !occupied.contains { $0.overlaps(box, margin: margin) }
    }

    /// Draws a text and records its box.
    mutating func text(
        _ text: String, x: Double, y: Double, size: Double = 11, anchor: TextAnchor = .start,
        bold: Bool = false, fill: String = "#333", halo: Bool = false
    ) {
        occupied.append(Self.textBox(text, x: x, y: y, size: size, anchor: anchor, bold: bold))
        body +=
            "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" text-anchor=\"\(anchor.rawValue)\""
            + (bold ? " font-weight=\"bold\"" : "") + (halo ? " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"" : "")
            + " fill=\"\(fill)\">\(xml(text))</text>\n"
    }

    /// `text` cut with an ellipsis to fit `maxWidth`.
    static func fitted(_ text: String, size: Double, maxWidth: Double, bold: Bool = false) -> String {
        guard textWidth(text, size: size, bold: bold) > maxWidth else { return text }
        var cut = text
        while !cut.isEmpty && textWidth(cut + "…", size: size, bold: bold) > maxWidth { cut.removeLast() }
        return cut.trimmingTrailingSpaces() + "…"
    }

    /// Marks an area (a point, a bar) that later labels must avoid.
    mutating func reserve(_ box: Box) { occupied.append(box) }

    mutating func element(_ markup: String) { body += markup + "\n" }

    func svg() -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" font-family=\"sans-serif\">\n"
            + body + "</svg>\n"
    }
}

/// A coordinate rounded to 0.1 unit for compact SVG.
func f(_ x: Double) -> String { formatNumber((x * 10).rounded() / 10) }

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
