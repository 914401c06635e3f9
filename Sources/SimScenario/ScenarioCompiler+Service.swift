import SimWorkforce

extension ScenarioCompiler {
    /// A back office needs someone to work it: its own staff, or the counter staff outside the
    /// hours of an office's day (a continuous counter is staffed all day).
    mutating func checkBackOffice(_ service: ServiceChannelParameters, node: ReadNode?, path: String) {
        guard let node, service.backOffice.isUsed, service.backOffice.staffShare == 0, !service.day.isOffice else { return }
        problem(
            node["staffShare"] ?? node, "\(path).staffShare",
            "a back office with requests to work (share > 0) needs staff: set staffShare above 0, or give the counter an office's day (day.kind \"office\"), whose counter staff work it outside counter hours"
        )
    }

    /// An office's day must fit its working day and keep its hours in order; each problem is
    /// reported at the key to change, with the bound it broke (clock hours, 7.5 = 07:30).
    mutating func checkOfficeDay(_ day: ServiceDayParameters, node: ReadNode?, path: String) {
        guard day.isOffice, let node else { return }
        let hours = root.filled("simulation").number("hoursPerWorkingDay") ?? 7.5
        let workEnds = day.workStartsAtHour + hours
        func clock(_ hour: Double) -> String {
            let minutes = Int((hour * 60).rounded())
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(two(minutes / 60)):\(two(minutes % 60))"
        }
        func require(_ holds: Bool, _ key: String, _ message: String) {
            if !holds { problem(node[key] ?? node, "\(path).\(key)", message) }
        }
        require(
            day.opensAtHour >= day.workStartsAtHour, "opensAtHour",
            "counters cannot open before the working day starts (workStartsAtHour \(clock(day.workStartsAtHour)))")
        require(
            day.closesAtHour > day.opensAtHour && day.closesAtHour <= workEnds, "closesAtHour",
            "expected a closing after opening (\(clock(day.opensAtHour))) and by the end of the working day (\(clock(workEnds)), workStartsAtHour + simulation.hoursPerWorkingDay)"
        )
        require(
            day.fridayClosesAtHour > day.opensAtHour && day.fridayClosesAtHour <= day.closesAtHour, "fridayClosesAtHour",
            "expected a Friday closing after opening (\(clock(day.opensAtHour))) and no later than the other days' (\(clock(day.closesAtHour)))"
        )
        require(
            day.numbersFromHour >= day.workStartsAtHour, "numbersFromHour",
            "numbers cannot be taken before the working day starts (\(clock(day.workStartsAtHour)))")
        require(
            day.numbersUntilHour > day.numbersFromHour && day.numbersUntilHour <= day.closesAtHour, "numbersUntilHour",
            "expected the last number after the first (\(clock(day.numbersFromHour))) and by closing (\(clock(day.closesAtHour)))")
        require(
            day.breakUntilHour >= day.breakFromHour, "breakUntilHour",
            "the break ends before it starts (\(clock(day.breakFromHour))); set them equal for no break")
        if day.breakUntilHour > day.breakFromHour {
            require(
                day.breakFromHour >= day.opensAtHour && day.breakUntilHour <= day.closesAtHour, "breakFromHour",
                "expected the break within the opening hours (\(clock(day.opensAtHour))–\(clock(day.closesAtHour)))")
        }
    }
}
