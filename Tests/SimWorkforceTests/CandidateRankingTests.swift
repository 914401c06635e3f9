import Testing
import SimCore
@testable import SimWorkforce

@Suite struct CandidateRankingTests {
    /// The radix ranking gives exactly the order of a comparison sort by score (descending), then
    /// employee number (ascending): on scores with many ties, both zeros, negatives, large and tiny
    /// magnitudes and infinities, as planning's allocation rules produce them.
    @Test func radixRankingMatchesAComparisonSort() {
        var stream = RandomStream(seed: 20261204)
        let pool: [Double] = [0, -0.0, 1, -1, 0.25, 1e-300, -1e-300, 3e12, .infinity, -.infinity, 0.125, 0.1 + 0.2]
        var ranking = CandidateRanking()
        for trial in 0..<50 {
            ranking.removeAll()
            let n = trial == 0 ? 1 : 1 + stream.index(below: 3000)
            var expected: [(score: Double, employee: Int)] = []
            for e in 0..<n {
                // Half from a small pool (ties), half continuous, some negative.
                let score = stream.uniform() < 0.5 ? pool[stream.index(below: pool.count)] : (stream.uniform() - 0.3) * 40
                ranking.append(score: score, employee: EmployeeIndex(e))
                expected.append((score, e))
            }
            expected.sort { $0.score != $1.score ? $0.score > $1.score : $0.employee < $1.employee }
            let ranked = ranking.ranked().map(\.rawValue)
            #expect(ranked == expected.map(\.employee), "trial \(trial), \(n) candidates")
            #expect(ranking.count == n)
        }
    }
}
