/// Which items (replications, design points) shard `index` of `count` runs: contiguous slices in
/// order, as even as whole numbers allow, so the slices of every shard cover each item once.
public enum ShardSlice {
    public static func range(shard index: Int, of count: Int, items: Int) -> Range<Int> {
        precondition(count >= 1 && (1...count).contains(index))
        return (items * (index - 1) / count)..<(items * index / count)
    }
}
