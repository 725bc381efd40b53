// bench-idcard: (1) answer frame -> credential, per card type; (2) serial
// overhead: from the last byte the reader side writes into a pty to the
// plugin's RawRead (its availableNs stamp, and its arrival on the receiving
// thread). Prints one JSON object (bench/support/benchreport.h).
#include "benchreport.h"

#include "core/credentials/idcard/cardencoder.h"
#include "core/credentials/idcard/idcardreading.h"
#include "hal/monotonicclock.h"
#include "hal/plugincatalog.h"
#include "readersimulator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace {

using namespace gate::idcard;
using gate::DocumentKind;

constexpr int kParseRounds = 20000;

CardDescription card(DocumentKind kind) {
    CardDescription card;
    card.kind = kind;
    card.nameZh = QStringLiteral("证件样本");
    card.sex = u'F';
    card.birth = QDate(1980, 1, 1);
    card.validFrom = QDate(2023, 12, 1);
    card.validTo = QDate(2033, 11, 30);
    switch (kind) {
    case DocumentKind::ResidentId:
        card.number = QStringLiteral("11010519491231002X");
        card.address = QStringLiteral("北京市西城区样本街道1号");
        break;
    case DocumentKind::HmtPermit:
        card.number = QStringLiteral("830000199706020042");
        break;
    case DocumentKind::Fpr2017:
        card.number = QStringLiteral("PAK310080010103");
        card.nameEn = QStringLiteral("ZHENGJIAN YANGBEN");
        card.nationality = QStringLiteral("PAK");
        break;
    default:
        card.kind = DocumentKind::Fpr2023;
        card.number = QStringLiteral("931586198001010028");
        card.nameEn = QStringLiteral("ZHENGJIAN YANGBEN");
        card.nationality = QStringLiteral("PAK");
        card.previousLink = QStringLiteral("000");
        break;
    }
    return card;
}

QJsonObject frameToCredential() {
    QJsonObject results;
    for (DocumentKind kind : {DocumentKind::ResidentId, DocumentKind::HmtPermit,
                              DocumentKind::Fpr2017, DocumentKind::Fpr2023}) {
        QString error;
        const QByteArray frame = *encodeReadAnswer(card(kind), SamCommand::ReadText, &error);
        std::vector<double> samples;
        samples.reserve(kParseRounds);
        int documents = 0;
        for (int round = 0; round < kParseRounds; ++round) {
            const qint64 start = gate::hal::monotonicNowNs();
            const gate::Credential credential = gate::credentialFromIdCardAnswer(frame);
            samples.push_back(double(gate::hal::monotonicNowNs() - start) / 1e6);
            documents += credential.kind == gate::Credential::Kind::Document;
        }
        if (documents != kParseRounds)
            std::fprintf(stderr, "bench-idcard: %s did not parse\n",
                         qPrintable(gate::toString(kind)));
        results.insert(gate::toString(kind), gate::bench::summarize(std::move(samples)));
    }
    return results;
}

// Runs the plugin against an in-process simulator on a pty until `reads`
// cards were reported.
QJsonObject serialOverhead(int reads) {
    int master = -1;
    int slave = -1;
    char slaveName[256] = {};
    if (::openpty(&master, &slave, slaveName, nullptr, nullptr) != 0)
        return {{QStringLiteral("error"), QStringLiteral("openpty failed")}};
    termios raw{};
    ::tcgetattr(slave, &raw);
    ::cfmakeraw(&raw);
    ::tcsetattr(slave, TCSANOW, &raw);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);

    gate::readersim::SimulatorOptions options;
    options.cards = {card(DocumentKind::Fpr2023), card(DocumentKind::ResidentId)};
    options.presentMs = 500;
    options.absentMs = 250;
    gate::readersim::ReaderSimulator simulator(master, options);
    qint64 lastByteNs = 0;
    QObject::connect(&simulator, &gate::readersim::ReaderSimulator::answerSent,
                     [&](qint64 ns) { lastByteNs = ns; });

    gate::hal::PluginCatalog catalog;
    QString error;
    gate::hal::DevicePlugin *plugin = catalog.plugin(QStringLiteral("sam-idreader"), &error);
    auto source = plugin ? plugin->createCredentialSource(
                               QStringLiteral("bench"),
                               {{QStringLiteral("port"), QString::fromLocal8Bit(slaveName)},
                                {QStringLiteral("poll_ms"), 100}},
                               &error)
                         : nullptr;
    if (!source)
        return {{QStringLiteral("error"), error}};

    std::vector<double> toAvailable;
    std::vector<double> toReceiver;
    QThread thread;
    gate::hal::CredentialSource *reader = source.release();
    reader->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, reader, &QObject::deleteLater);
    QObject receiver;
    QObject::connect(reader, &gate::hal::CredentialSource::rawRead, &receiver,
                     [&](const gate::hal::RawRead &read) {
                         const qint64 now = gate::hal::monotonicNowNs();
                         toAvailable.push_back(double(read.availableNs - lastByteNs) / 1e6);
                         toReceiver.push_back(double(now - lastByteNs) / 1e6);
                         if (int(toReceiver.size()) >= reads)
                             QCoreApplication::quit();
                     });
    thread.start();
    QMetaObject::invokeMethod(reader, "start", Qt::QueuedConnection);
    QTimer::singleShot(reads * 2000 + 5000, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    QMetaObject::invokeMethod(reader, "stop", Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    ::close(master);
    ::close(slave);
    return {
        {QStringLiteral("reads"), int(toReceiver.size())},
        {QStringLiteral("last_byte_to_available_ms"),
         gate::bench::summarize(std::move(toAvailable))},
        {QStringLiteral("last_byte_to_receiver_ms"), gate::bench::summarize(std::move(toReceiver))},
        {QStringLiteral("baud"), options.baud}};
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    qRegisterMetaType<gate::hal::RawRead>();
    const QStringList args = app.arguments();
    const qsizetype readsAt = args.indexOf(QStringLiteral("--reads"));
    const int reads = readsAt > 0 && readsAt + 1 < args.size() ? args[readsAt + 1].toInt() : 20;
    QJsonObject results{{QStringLiteral("frame_to_credential_ms"), frameToCredential()},
                        {QStringLiteral("serial_overhead"), serialOverhead(std::max(1, reads))}};
    gate::bench::printReport(QStringLiteral("idcard"), results);
    return 0;
}
