// bench-emrtd: the passenger's wait on the chip. Reads and checks an emulated
// passport (pcscd + vsmartcard, the test fixture's stack) through a channel
// throttled to a contactless link of 106 or 424 kbit/s, with short and with
// extended-length reads, and reports the chip's time per passage. The camera's
// MRZ read (bench-mrz) and the decision (bench-tickets) come before and after
// it; the page-placed-to-decision figure is their sum.
//
// bench-emrtd [--passages N]   (default 10 per setting)
#include "benchreport.h"
#include "chipstack.h"

#include "emrtd/chipcheck.h"
#include "emrtd/pcsc/pcscchannel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QThread>

#include <iostream>

using namespace gate::emrtd;

namespace {

// Holds each exchange for the time its bytes take on a link of `bitsPerSecond`
// (ISO 14443 framing adds about 10 bits per byte plus a frame overhead; the
// figure counts 10 bits per byte and 1 ms turnaround per exchange).
class ThrottledChannel : public ChipChannel {
public:
    ThrottledChannel(ChipChannel &inner, double bitsPerSecond)
        : inner_(inner)
        , bps_(bitsPerSecond) {}
    std::optional<Bytes> transmit(const Bytes &command) override {
        auto response = inner_.transmit(command);
        const std::size_t bytes = command.size() + (response ? response->size() : 0);
        const double seconds = double(bytes) * 10.0 / bps_ + 0.001;
        QThread::usleep(static_cast<unsigned long>(seconds * 1e6));
        return response;
    }
    std::string lastError() const override { return inner_.lastError(); }
    bool extendedLength() const override { return inner_.extendedLength(); }

private:
    ChipChannel &inner_;
    double bps_;
};

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    int passages = 10;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--passages"));
    if (at > 0 && at + 1 < args.size())
        passages = args[at + 1].toInt();
    if (const QString missing = test::ChipStack::missingPeer(); !missing.isEmpty()) {
        std::cerr << "bench-emrtd: " << missing.toStdString() << '\n';
        return 1;
    }
    test::ChipStack stack;
    QString error;
    const QStringList mrz{QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"),
                          QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10")};
    if (!stack.start(&error) || !stack.makePassport(QStringLiteral("p"), mrz, {}, &error) ||
        !stack.insert(stack.passportDir(QStringLiteral("p")) + QStringLiteral("/chip"), &error)) {
        std::cerr << "bench-emrtd: " << error.toStdString() << '\n';
        return 1;
    }
    CscaStore cscas;
    std::string why;
    if (!cscas.load(
            (stack.passportDir(QStringLiteral("p")) + QStringLiteral("/csca")).toStdString(),
            &why)) {
        std::cerr << "bench-emrtd: " << why << '\n';
        return 1;
    }
    const std::vector<std::vector<std::string>> candidates{
        {mrz[0].toStdString(), mrz[1].toStdString()}};

    QJsonObject results;
    for (const double kbps : {106.0, 424.0}) {
        for (const bool extended : {false, true}) {
            std::vector<double> ms;
            int exchanges = 0;
            for (int i = 0; i < passages; ++i) {
                PcscChannel pcsc;
                pcsc.setExtendedLength(extended ? PcscChannel::ExtendedLength::On
                                                : PcscChannel::ExtendedLength::Off);
                if (!pcsc.open(&why) || !pcsc.connect({}, 5000, &why)) {
                    std::cerr << "bench-emrtd: " << why << '\n';
                    return 1;
                }
                ThrottledChannel link(pcsc, kbps * 1000.0);
                QElapsedTimer timer;
                timer.start();
                const ChipReport report =
                    readAndCheckChip(link, candidates, cscas, QDateTime::currentSecsSinceEpoch());
                ms.push_back(double(timer.nsecsElapsed()) / 1e6);
                exchanges = report.exchanges;
                if (report.outcome != ChipOutcome::Verified) {
                    std::cerr << "bench-emrtd: the chip did not verify: " << report.error << '\n';
                    return 1;
                }
            }
            QJsonObject setting = gate::bench::summarize(ms);
            setting.insert(QStringLiteral("exchanges_after_bac"), exchanges);
            results.insert(QStringLiteral("chip_ms_%1kbps_%2")
                               .arg(int(kbps))
                               .arg(extended ? "extended" : "short"),
                           setting);
        }
    }
    results.insert(
        QStringLiteral("dg2_bytes"),
        QFileInfo(stack.passportDir(QStringLiteral("p")) + QStringLiteral("/chip/dg2")).size());
    gate::bench::printReport(QStringLiteral("bench-emrtd"), results);
    return 0;
}
