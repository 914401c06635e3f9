import SimWorkforce

/// The column headings of the workbook in the brief's language; the CSVs keep their identifiers.
enum WorkbookHeaders {
    static let titles: [String: (id: String, en: String)] = [
        "scenario": ("Skenario (id)", "Scenario (id)"), "region": ("Wilayah", "Region"), "metric": ("Kode ukuran", "Measure code"),
        "unit": ("Satuan", "Unit"), "mean": ("Rata-rata", "Mean"), "ci_low": ("IK 95% bawah", "95% CI low"),
        "ci_high": ("IK 95% atas", "95% CI high"), "replications": ("Replikasi", "Replications"),
        "delta_ci_low": ("Selisih, IK 95% bawah", "Difference, 95% CI low"),
        "delta_ci_high": ("Selisih, IK 95% atas", "Difference, 95% CI high"),
        "year": ("Tahun", "Year"), "summary": ("Cara baca tahun", "How the year is read"), "period": ("Periode", "Period"),
        "programme": ("Program", "Programme"), "invited": ("Diundang", "Invited"), "completed": ("Selesai", "Completed"),
        "jp": ("JP", "JP"), "spent_rupiah": ("Belanja (Rp)", "Spent (Rp)"),
        "gap_closed_levels": ("Kesenjangan tertutup (level)", "Gap closed (levels)"),
        "evaluation": ("Evaluasi", "Evaluation"), "action": ("Tindakan", "Action"),
        "share_of_replications": ("Porsi replikasi", "Share of replications"),
        "mean_gap_closed_per_attendee_levels": ("Kesenjangan tertutup per peserta (level)", "Gap closed per attendee (levels)"),
        "metric_name": ("Ukuran", "Measure"), "scenario_name": ("Skenario", "Scenario"),
        "reason": ("Alasan", "Reason"), "counter": ("Loket", "Counter"), "measure": ("Kode ukuran", "Measure code"),
        "measure_name": ("Ukuran", "Measure"),
    ]

    /// Every unit a metric has, in Bahasa Indonesia (the CSVs keep the English unit). A unit
    /// missing here would show in English in an Indonesian workbook: a test asks for every unit of
    /// every metric.
    static let indonesianUnits: [String: String] = [
        "share": "porsi", "people": "orang", "minutes": "menit", "level (1-5)": "level (1–5)", "level": "level",
        "levels": "level", "requests": "permohonan", "visits": "kunjungan", "complaints": "pengaduan", "staff-days": "hari-orang",
        "working days": "hari kerja", "months": "bulan", "posts": "jabatan", "projects": "proyek", "ratio": "rasio",
        "share per year": "porsi per tahun", "share of budget": "porsi anggaran", "Rupiah per level": "Rupiah per level",
        "index (0-100)": "indeks (0–100)", "index (25-100)": "indeks (25–100)", "score (1-4)": "skor (1–4)", "0-1": "0–1", "JP": "JP",
        "Rupiah": "Rupiah",
    ]

    /// A unit in the brief's language.
    static func unit(_ unit: String, _ language: Language) -> String {
        language == .id ? indonesianUnits[unit] ?? unit : unit
    }

    /// A column's heading; the difference column names what it is taken from (`comparison`,
    /// the compared scenario's id), whichever scenario `--baseline` chose.
    static func title(_ identifier: String, _ language: Language, comparison: String) -> String {
        if identifier == "delta_vs_baseline" { return language == .id ? "Selisih thd \(comparison)" : "Difference from \(comparison)" }
        guard let title = titles[identifier] else { return identifier }
        return language == .id ? title.id : title.en
    }
}
