/// The version of the simulator, printed by `simulate --version` and written into run metadata.
public enum KompetenVersion {
    public static let current = "0.1.0"
}
