/// How this build of the kernel was compiled.
public enum BuildConfiguration {
    /// Whether ``UncheckedArray`` checks every access and ``MinHeap`` walks its invariant after
    /// every mutation (`SIM_INTERNAL_CHECKS`: debug builds, and the second test run of `.ci/run`).
    public static let internalChecks: Bool = {
        #if SIM_INTERNAL_CHECKS
            return true
        #else
            return false
        #endif
    }()
}
