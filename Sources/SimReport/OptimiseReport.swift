import SimExperiment
import SimWorkforce

/// What `optimise.html` shows, in numbers the command has already worked out.
public struct OptimiseReportData: Sendable {
    public struct Point: Sendable {
        public var objective: Double
        public var spentRupiah: Double
        public var ikm: Double
        public var feasible: Bool
        public var isWinner: Bool
        public var isCurrent: Bool
        public init(objective: Double, spentRupiah: Double, ikm: Double, feasible: Bool, isWinner: Bool, isCurrent: Bool) {
            (self.objective, self.spentRupiah, self.ikm, self.feasible, self.isWinner, self.isCurrent) = (
                objective, spentRupiah, ikm, feasible, isWinner, isCurrent
            )
        }
    }

    public struct Row: Sendable {
        public var name: String
        public var current: String
        public var chosen: String
        public init(name: String, current: String, chosen: String) { (self.name, self.current, self.chosen) = (name, current, chosen) }
    }

    public struct Check: Sendable {
        public var label: String
        /// The winner's margin (positive: met), in the metric's units.
        public var margin: Estimate
        public init(label: String, margin: Estimate) { (self.label, self.margin) = (label, margin) }
    }

    public var scenarioName: LocalizedText
    /// The objective as written: `competency.share_at_standard (sawahlunto)`.
    public var objectiveLabel: String
    /// The objective's metric when it is one metric (for units), else nil.
    public var objectiveMetric: String?
    /// The region's name when the objective is one region's.
    public var objectiveRegion: String?
    public var maximise: Bool
    /// Best objective so far after each search plan (NaN until a plan meets the constraints).
    public var convergence: [Double]
    public var points: [Point]
    public var decisions: [Row]
    /// Winner minus the scenario as written on the confirmation's replications (paired).
    public var gain: Estimate
    public var checks: [Check]
    public var plansSearched: Int
    public var searchReplications: Int
    public var finalists: Int
    public var selectionReplications: Int
    public var delta: Double
    public var confidence: Double
    public var winnerIsCurrent: Bool
    /// The selection chose another plan, but its confirmed gain was not significant: best.json keeps the plan as written.
    public var keptAsWritten = false

    public init(
        scenarioName: LocalizedText, objectiveLabel: String, objectiveMetric: String?, objectiveRegion: String?, maximise: Bool,
        convergence: [Double], points: [Point],
        decisions: [Row], gain: Estimate, checks: [Check], plansSearched: Int, searchReplications: Int, finalists: Int,
        selectionReplications: Int, delta: Double, confidence: Double, winnerIsCurrent: Bool, keptAsWritten: Bool = false
    ) {
        (self.scenarioName, self.objectiveLabel, self.objectiveMetric, self.objectiveRegion, self.maximise) = (
            scenarioName, objectiveLabel, objectiveMetric, objectiveRegion, maximise
        )
        (self.convergence, self.points, self.decisions, self.gain, self.checks) = (convergence, points, decisions, gain, checks)
        (self.plansSearched, self.searchReplications, self.finalists, self.selectionReplications) = (
            plansSearched, searchReplications, finalists, selectionReplications
        )
        (self.delta, self.confidence, self.winnerIsCurrent, self.keptAsWritten) = (delta, confidence, winnerIsCurrent, keptAsWritten)
    }

    var quantity: Quantity {
        objectiveMetric.flatMap { BriefMetric.named($0)?.quantity } ?? (objectiveMetric?.contains("share") == true ? .share : .plain)
    }

    /// The objective in words: the brief's phrase for one headline metric, else as written.
    func objectivePhrase(_ language: Language) -> String {
        guard let metric = objectiveMetric.flatMap(BriefMetric.named) else { return objectiveLabel }
        return metric.phrase.text(in: language) + (objectiveRegion.map { language == .id ? " di \($0)" : " in \($0)" } ?? "")
    }

    /// One sentence a planner can put in a memo.
    public func memoSentence(_ language: Language) -> String {
        let style = NumberStyle(language)
        let objectiveLabel = objectivePhrase(language)
        let gainText = style.difference(gain, quantity)
        let interval = style.interval(gain, quantity, signed: true)
        let met = checks.allSatisfy { $0.margin.mean >= 0 }
        if winnerIsCurrent {
            return language == .id
                ? "Dari \(plansSearched) rencana yang dicoba, tidak ada yang terbukti lebih baik dari rencana saat ini dengan selisih berarti (\(objectiveLabel)); rencana saat ini dipertahankan."
                : "Of \(plansSearched) plans tried, none proved better than the current plan by a difference that matters (\(objectiveLabel)); keep the current plan."
        }
        if keptAsWritten {
            return language == .id
                ? "Rencana terbaik yang ditemukan mengubah \(objectiveLabel) sebesar \(gainText) (\(interval)): tidak terbukti lebih baik dari rencana saat ini, jadi best.json mempertahankan rencana saat ini (dari \(plansSearched) rencana yang disimulasikan)."
                : "The best plan found changes \(objectiveLabel) by \(gainText) (\(interval)): not shown to be better than the current plan, so best.json keeps the current plan (of \(plansSearched) simulated plans)."
        }
        return language == .id
            ? "Dengan anggaran yang sama, rencana terpilih mengubah \(objectiveLabel) sebesar \(gainText) (\(interval))\(met ? " dan tetap memenuhi semua batasan" : ", tetapi belum memenuhi semua batasan"); dipilih dari \(plansSearched) rencana yang disimulasikan."
            : "For the same budget, the chosen plan changes \(objectiveLabel) by \(gainText) (\(interval))\(met ? " while meeting every constraint" : ", but it does not meet every constraint"); it was chosen from \(plansSearched) simulated plans."
    }
}

/// `optimise.html`: the best plan in the brief's language, how the search converged, and the
/// trade-off between the objective, spending and IKM (with the front of plans no other beats
/// on both objective and spending).
public enum OptimiseReport {
    public static func html(_ data: OptimiseReportData, language: Language) -> String {
        let t = language.pick
        let style = NumberStyle(language)
        let title = t(
            "Rencana terbaik untuk anggaran: \(data.scenarioName.text(in: .id))",
            "The best plan for the money: \(data.scenarioName.text(in: .en))")
        var body = "<header><h1>\(xml(title))</h1>\n<p class=\"lead\">\(xml(data.memoSentence(language)))</p>\n"
        body +=
            "<p class=\"meta\">"
            + xml(
                t(
                    "Tujuan: \(data.maximise ? "memaksimalkan" : "meminimalkan") \(data.objectiveLabel). Pencarian: \(data.plansSearched) rencana, masing-masing \(data.searchReplications) replikasi dengan bilangan acak yang sama. Seleksi: \(data.finalists) rencana (yang terbaik dari pencarian, dan rencana saat ini bila memenuhi batasan) dengan prosedur Kim–Nelson (δ = \(style.decimal(data.delta, places: 4)), peluang benar ≥ \(style.decimal(data.confidence * 100, places: 0))%) pada \(data.selectionReplications) replikasi baru. Selisih di atas dari \(data.gain.replications) replikasi konfirmasi yang tidak dipakai kedua tahap. Semua angka ada di optimise.csv; cara kerjanya di docs/optimise.md.",
                    "Objective: \(data.maximise ? "maximise" : "minimise") \(data.objectiveLabel). Search: \(data.plansSearched) plans, each on \(data.searchReplications) replications with common random numbers. Selection: \(data.finalists) plans (the best of the search, and the plan as written when it meets the constraints) with Kim and Nelson's procedure (δ = \(style.decimal(data.delta, places: 4)), probability of a correct choice ≥ \(style.decimal(data.confidence * 100, places: 0))%) on \(data.selectionReplications) fresh replications. The difference above is from \(data.gain.replications) confirmation replications that neither stage used. All numbers are in optimise.csv; how it works is in docs/optimise.md."
                )) + "</p></header>\n"
        body +=
            "<h2>\(xml(t("Rencana terpilih", "The chosen plan")))</h2>\n<table><thead><tr><th>\(xml(t("Keputusan", "Decision")))</th><th>\(xml(t("Saat ini", "As written")))</th><th>\(xml(t("Terpilih", "Chosen")))</th></tr></thead><tbody>\n"
        for row in data.decisions {
            body +=
                "<tr><td><code>\(xml(row.name))</code></td><td>\(xml(row.current))</td><td\(row.current == row.chosen ? "" : " class=\"changed\"")>\(xml(row.chosen))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        if !data.checks.isEmpty {
            body +=
                "<h2>\(xml(t("Batasan", "Constraints")))</h2>\n<table><thead><tr><th>\(xml(t("Batasan", "Constraint")))</th><th>\(xml(t("Margin rencana terpilih (interval 95%)", "The chosen plan's margin (95% interval)")))</th><th></th></tr></thead><tbody>\n"
            for check in data.checks {
                let met = check.margin.mean >= 0
                body +=
                    "<tr><td>\(xml(check.label))</td><td>\(xml(style.difference(check.margin, .plain) + " (" + style.interval(check.margin, .plain, signed: true) + ")"))</td><td>\(xml(met ? t("terpenuhi", "met") : t("tidak terpenuhi", "not met")))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body +=
            "<h2>\(xml(t("Konvergensi pencarian", "How the search converged")))</h2>\n<figure>" + convergence(data, language: language)
            + "</figure>\n"
        body += "<h2>\(xml(t("Tujuan, biaya dan IKM", "Objective, cost and IKM")))</h2>\n"
        body +=
            "<p>\(xml(t("Setiap titik satu rencana yang dicari. Garis oranye: rencana yang memenuhi batasan dan tidak dikalahkan rencana lain sekaligus pada tujuan dan belanja (front Pareto). Lingkaran kosong: tidak memenuhi batasan.", "Each point is a plan the search scored. Orange line: the plans that meet the constraints and that no other beats on both the objective and the spending (the Pareto front). Hollow circles miss the constraints.")))</p>\n"
        body +=
            "<figure>"
            + scatter(
                data, x: \.spentRupiah, xLabel: t("Belanja pengembangan selama horizon", "Development spending over the horizon"),
                xQuantity: .rupiah, front: true, language: language) + "</figure>\n"
        body += "<figure>" + scatter(data, x: \.ikm, xLabel: "IKM", xQuantity: .index, front: false, language: language) + "</figure>\n"
        return page(title: title, language: language, body: body)
    }

    static func convergence(_ data: OptimiseReportData, language: Language) -> String {
        let style = NumberStyle(language)
        let values = data.convergence
        let finite = values.filter(\.isFinite)
        var canvas = SVGCanvas(
            width: 900, height: 300, title: language == .id ? "Konvergensi" : "Convergence",
            description: language == .id
                ? "Nilai tujuan terbaik setelah setiap rencana yang dicoba." : "The best objective after each plan scored.")
        guard let low0 = finite.min(), let high0 = finite.max(), values.count > 1 else { return canvas.svg() }
        let (low, high) = low0 == high0 ? (low0 - 1e-9, high0 + 1e-9) : (low0, high0)
        let left = 90.0
        let right = 870.0
        let top = 30.0
        let bottom = 250.0
        func x(_ i: Int) -> Double { left + (right - left) * Double(i) / Double(values.count - 1) }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (v - low) / (high - low) }
        let scale = style.scale(data.quantity, magnitude: max(abs(low), abs(high)))
        for tick in style.ticks(low: low * scale.factor, high: high * scale.factor, count: 5) {
            let yt = y(tick.value / scale.factor)
            canvas.element("<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(yt))\" y2=\"\(f(yt))\" stroke=\"#eee\"/>")
            canvas.text(tick.text + scale.suffix, x: left - 6, y: yt + 4, size: 11, anchor: .end, fill: "#555")
        }
        let path = values.indices.filter { values[$0].isFinite }.map { "\(f(x($0))),\(f(y(values[$0])))" }.joined(separator: " ")
        canvas.element("<polyline points=\"\(path)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>")
        canvas.text(language == .id ? "rencana yang dicoba" : "plans scored", x: (left + right) / 2, y: 290, size: 12, anchor: .middle)
        canvas.text((language == .id ? "terbaik sejauh ini: " : "best so far: ") + data.objectivePhrase(language), x: left, y: 12, size: 12)
        canvas.text("1", x: left, y: bottom + 16, size: 11, anchor: .middle, fill: "#555")
        canvas.text("\(values.count)", x: right, y: bottom + 16, size: 11, anchor: .middle, fill: "#555")
        return canvas.svg()
    }

    /// The feasible plans no other feasible plan beats on both objective and spending.
    static func front(_ points: [OptimiseReportData.Point], maximise: Bool) -> [OptimiseReportData.Point] {
        let feasible = points.filter { $0.feasible && $0.objective.isFinite && $0.spentRupiah.isFinite }
        func better(_ a: Double, _ b: Double) -> Bool { maximise ? a > b : a < b }
        return feasible.filter { p in
            !feasible.contains { q in
                q.spentRupiah <= p.spentRupiah && !better(p.objective, q.objective)
                    && (q.spentRupiah < p.spentRupiah || better(q.objective, p.objective))
            }
        }.sorted { $0.spentRupiah < $1.spentRupiah }
    }

    static func scatter(
        _ data: OptimiseReportData, x key: KeyPath<OptimiseReportData.Point, Double>, xLabel: String, xQuantity: Quantity,
        front showFront: Bool, language: Language
    ) -> String {
        let style = NumberStyle(language)
        let points = data.points.filter { $0.objective.isFinite && $0[keyPath: key].isFinite }
        var canvas = SVGCanvas(
            width: 900, height: 340, title: "\(data.objectiveLabel) / \(xLabel)",
            description: language == .id
                ? "Setiap rencana: \(data.objectiveLabel) terhadap \(xLabel)." : "Each plan: \(data.objectiveLabel) against \(xLabel).")
        guard let xs = points.map({ $0[keyPath: key] }).minAndMax, let ys = points.map(\.objective).minAndMax else { return canvas.svg() }
        let (x0, x1) = xs.0 == xs.1 ? (xs.0 - 1, xs.1 + 1) : xs
        let (y0, y1) = ys.0 == ys.1 ? (ys.0 - 1e-9, ys.1 + 1e-9) : ys
        let left = 90.0
        let right = 870.0
        let top = 30.0
        let bottom = 280.0
        canvas.text(data.objectivePhrase(language), x: left, y: 12, size: 12)
        func px(_ v: Double) -> Double { left + (right - left) * (v - x0) / (x1 - x0) }
        func py(_ v: Double) -> Double { bottom - (bottom - top) * (v - y0) / (y1 - y0) }
        let yScale = style.scale(data.quantity, magnitude: max(abs(y0), abs(y1)))
        let xScale = style.scale(xQuantity, magnitude: max(abs(x0), abs(x1)))
        for tick in style.ticks(low: y0 * yScale.factor, high: y1 * yScale.factor, count: 5) {
            let yt = py(tick.value / yScale.factor)
            canvas.element("<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(yt))\" y2=\"\(f(yt))\" stroke=\"#eee\"/>")
            canvas.text(tick.text + yScale.suffix, x: left - 6, y: yt + 4, size: 11, anchor: .end, fill: "#555")
        }
        for tick in style.ticks(low: x0 * xScale.factor, high: x1 * xScale.factor, count: 5) {
            canvas.text(
                xScale.prefix + tick.text + xScale.suffix, x: px(tick.value / xScale.factor), y: bottom + 16, size: 11, anchor: .middle,
                fill: "#555")
        }
        canvas.text(xLabel, x: (left + right) / 2, y: 330, size: 12, anchor: .middle)
        if showFront {
            let line = front(points, maximise: data.maximise).map { "\(f(px($0.spentRupiah))),\(f(py($0.objective)))" }.joined(
                separator: " ")
            canvas.element("<polyline points=\"\(line)\" fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"2\" data-front=\"pareto\"/>")
        }
        for p in points.sorted(by: { ($0.isWinner || $0.isCurrent ? 1 : 0) < ($1.isWinner || $1.isCurrent ? 1 : 0) }) {
            let colour = p.isWinner ? "#d62728" : p.isCurrent ? "#000" : "#1f77b4"
            let r = p.isWinner || p.isCurrent ? 6.0 : 3.5
            canvas.element(
                "<circle cx=\"\(f(px(p[keyPath: key])))\" cy=\"\(f(py(p.objective)))\" r=\"\(f(r))\" fill=\"\(p.feasible ? colour : "none")\" stroke=\"\(colour)\"\(p.isWinner ? " data-plan=\"chosen\"" : p.isCurrent ? " data-plan=\"as-written\"" : "")/>"
            )
        }
        // A label near the right edge goes on the point's left, so it is not cut off.
        func label(_ text: String, at p: OptimiseReportData.Point, dy: Double, fill: String) {
            let x = px(p[keyPath: key])
            let onLeft = x > right - 80
            canvas.text(
                text, x: onLeft ? x - 9 : x + 9, y: py(p.objective) + dy, size: 11, anchor: onLeft ? .end : .start, fill: fill, halo: true)
        }
        if let winner = points.first(where: \.isWinner) {
            label(language == .id ? "terpilih" : "chosen", at: winner, dy: -8, fill: "#d62728")
        }
        if let current = points.first(where: \.isCurrent) {
            label(language == .id ? "saat ini" : "as written", at: current, dy: 16, fill: "#333")
        }
        return canvas.svg()
    }
}

extension Array where Element == Double {
    var minAndMax: (Double, Double)? { isEmpty ? nil : (self.min()!, self.max()!) }
}
