#include "runreport.h"

#include "benchreport.h"

#include <QJsonArray>

#include <algorithm>

namespace gate::e2e {

namespace {

bool freesTheLane(const QString &event) {
    return event == QLatin1String("passed_entry") || event == QLatin1String("passed_exit") ||
           event == QLatin1String("pass_timed_out");
}

QJsonObject residentSummary(const std::vector<RssSample> &samples, bool anonymous) {
    const auto value = [&](const RssSample &sample) {
        return anonymous ? sample.resident.anonymousKiB : sample.resident.totalKiB;
    };
    const auto started =
        std::find_if(samples.begin(), samples.end(), [](const auto &s) { return s.decisions > 0; });
    if (started == samples.end())
        return {};
    qint64 peak = 0;
    for (const RssSample &sample : samples)
        peak = std::max(peak, value(sample));
    return {{"start", value(*started)}, {"peak", peak}, {"end", value(samples.back())}};
}

} // namespace

QJsonObject runReport(const RunFigures &figures, int presented) {
    std::map<QString, std::vector<double>> toAck;
    std::map<QString, std::vector<double>> toDecision;
    std::map<QString, int> denials;
    for (const auto &[number, passage] : figures.passages) {
        toDecision[passage.kind].push_back(passage.readToDecisionMs);
        if (passage.readToAckMs >= 0)
            toAck[passage.kind].push_back(passage.readToAckMs);
        if (!passage.admitted)
            ++denials[passage.reason];
    }
    QJsonObject ackLatency;
    for (const auto &[kind, samples] : toAck)
        ackLatency.insert(kind, bench::summarize(samples));
    QJsonObject decisionLatency;
    for (const auto &[kind, samples] : toDecision)
        decisionLatency.insert(kind, bench::summarize(samples));
    QJsonObject denialReasons;
    for (const auto &[reason, count] : denials)
        denialReasons.insert(reason, count);

    std::vector<qint64> passedAt;
    for (const auto &[at, event] : figures.laneEvents)
        if (event == QLatin1String("passed_entry"))
            passedAt.push_back(at);
    QJsonObject report{{"read_to_open_acknowledged_ms", ackLatency},
                       {"read_to_decision_ms", decisionLatency},
                       {"passengers_presented", presented},
                       {"decisions", figures.decisions},
                       {"admitted", figures.admitted},
                       {"denied", denialReasons},
                       {"lane_passages", int(passedAt.size())},
                       {"pass_timeouts", figures.laneEventCount(QStringLiteral("pass_timed_out"))},
                       {"gate_start_to_ready_ms", figures.readyAtMs},
                       {"gate_exit_code", figures.gateExitCode},
                       {"gate_stopped_at_deadline", figures.stoppedAtDeadline},
                       {"gate_rss_kib", residentSummary(figures.rss, false)},
                       {"gate_rss_anon_kib", residentSummary(figures.rss, true)}};
    if (passedAt.size() >= 2)
        report.insert("passengers_per_minute", double(passedAt.size() - 1) * 60'000.0 /
                                                   double(passedAt.back() - passedAt.front()));
    return report;
}

QJsonObject laneWaitReport(const RunFigures &figures) {
    std::vector<const Passage *> opened;
    for (const auto &[number, passage] : figures.passages)
        if (passage.ackAtMs >= 0)
            opened.push_back(&passage);
    std::sort(opened.begin(), opened.end(),
              [](const Passage *a, const Passage *b) { return a->ackAtMs < b->ackAtMs; });
    std::vector<qint64> freedAt;
    for (const auto &[at, event] : figures.laneEvents)
        if (freesTheLane(event))
            freedAt.push_back(at);
    if (opened.empty() || freedAt.empty())
        return {};

    std::vector<double> waits;
    qint64 previousAck = -1;
    for (const Passage *passage : opened) {
        qint64 readyFrom = passage->readAtMs;
        if (previousAck >= 0) {
            // The lane was freed by the last passage or timeout before this opening.
            const auto after = std::upper_bound(freedAt.begin(), freedAt.end(), passage->ackAtMs);
            if (after != freedAt.begin() && *(after - 1) > previousAck)
                readyFrom = std::max(readyFrom, *(after - 1));
        }
        waits.push_back(double(std::max<qint64>(0, passage->ackAtMs - readyFrom)));
        previousAck = passage->ackAtMs;
    }
    const double spanMs = double(freedAt.back() - opened.front()->readAtMs);
    double waitedMs = 0;
    for (const double wait : waits)
        waitedMs += wait;
    return {{"share", spanMs > 0 ? waitedMs / spanMs : 0.0},
            {"per_opening_ms", bench::summarize(waits)},
            {"run_span_s", spanMs / 1000.0}};
}

QJsonObject memoryTrendReport(const RunFigures &figures) {
    if (figures.rss.empty() || figures.decisions < 10)
        return {};
    const auto atDecisions = [&](int decisions) {
        return *std::find_if(figures.rss.begin(), figures.rss.end(),
                             [&](const RssSample &s) { return s.decisions >= decisions; });
    };
    QJsonArray series;
    for (int tenth = 1; tenth <= 10; ++tenth) {
        const RssSample sample =
            tenth == 10 ? figures.rss.back() : atDecisions(figures.decisions * tenth / 10);
        series.append(QJsonObject{{"decisions", sample.decisions},
                                  {"minutes", double(sample.atMs) / 60'000.0},
                                  {"rss_kib", sample.resident.totalKiB},
                                  {"anon_kib", sample.resident.anonymousKiB}});
    }
    const RssSample warm = atDecisions(figures.decisions / 5);
    const RssSample end = figures.rss.back();
    return {{"by_tenth_of_decisions", series},
            {"growth_after_first_fifth_kib",
             QJsonObject{{"rss", end.resident.totalKiB - warm.resident.totalKiB},
                         {"anon", end.resident.anonymousKiB - warm.resident.anonymousKiB}}}};
}

} // namespace gate::e2e
