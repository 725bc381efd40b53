// gate-reader-sim: a SAM ID-card reader on a pseudo-terminal, for tests, the
// demo and commissioning without hardware (docs/idcard-reader.md).
#include "readersimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace {

constexpr qint64 kMaxCardFileSize = 1 << 20;
constexpr int kExitUsage = 2;

// The link is removed when the simulator is told to stop, as a USB reader's
// device node disappears when it is unplugged.
char linkToRemove[4096];

void removeLinkAndExit(int) {
    ::unlink(linkToRemove);
    ::_exit(0);
}

int usageError(const QString &message) {
    std::fprintf(stderr, "gate-reader-sim: %s\n", qPrintable(message));
    return kExitUsage;
}

std::optional<QList<gate::idcard::CardDescription>> loadCards(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxCardFileSize) {
        *error = QStringLiteral("%1: larger than %2 bytes").arg(path).arg(kMaxCardFileSize);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    const QJsonArray objects =
        document.isArray() ? document.array() : QJsonArray{document.object()};
    QList<gate::idcard::CardDescription> cards;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        QString cardError;
        const auto card = gate::idcard::cardDescriptionFromJson(objects[i].toObject(), &cardError);
        if (!card) {
            *error = QStringLiteral("%1: card %2: %3").arg(path).arg(i).arg(cardError);
            return std::nullopt;
        }
        cards << *card;
    }
    if (cards.isEmpty()) {
        *error = QStringLiteral("%1: no card").arg(path);
        return std::nullopt;
    }
    return cards;
}

bool publishLink(const QString &slavePath, const QString &link, QString *error) {
    const QByteArray linkPath = QFile::encodeName(link);
    if (size_t(linkPath.size()) >= sizeof linkToRemove) {
        *error = QStringLiteral("--link: path too long");
        return false;
    }
    const QFileInfo existing(link);
    if (existing.exists() || existing.isSymLink()) {
        if (!existing.isSymLink()) {
            *error = QStringLiteral("--link: %1 exists and is not a symlink").arg(link);
            return false;
        }
        ::unlink(linkPath.constData());
    }
    if (::symlink(QFile::encodeName(slavePath).constData(), linkPath.constData()) != 0) {
        *error = QStringLiteral("--link: cannot create %1: %2").arg(link, qt_error_string(errno));
        return false;
    }
    std::memcpy(linkToRemove, linkPath.constData(), size_t(linkPath.size()) + 1);
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        std::signal(signal, removeLinkAndExit);
    return true;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gate-reader-sim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A SAM ID-card reader (GA 467 serial protocol) on a pseudo-terminal."));
    parser.addHelpOption();
    const QCommandLineOption linkOption(QStringLiteral("link"),
                                        QStringLiteral("Publish the pty as this symlink."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption cardOption(
        QStringLiteral("card"), QStringLiteral("Card description, or a JSON array of them."),
        QStringLiteral("FILE.json"));
    const QCommandLineOption noCardOption(QStringLiteral("no-card"),
                                          QStringLiteral("No card on the reader."));
    const QCommandLineOption presentOption(
        QStringLiteral("present-ms"),
        QStringLiteral("Present the cards in turn for this long each (0: the first card stays)."),
        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption absentOption(QStringLiteral("absent-ms"),
                                          QStringLiteral("Pause without card between cards."),
                                          QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption leadInOption(
        QStringLiteral("lead-in-ms"),
        QStringLiteral("No card at all for this long after the start (a gate still starting)."),
        QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption baudOption(QStringLiteral("baud"),
                                        QStringLiteral("Wire speed to simulate."),
                                        QStringLiteral("BAUD"), QStringLiteral("115200"));
    const QCommandLineOption samMsOption(QStringLiteral("sam-ms"),
                                         QStringLiteral("SAM processing time of a read."),
                                         QStringLiteral("MS"), QStringLiteral("100"));
    const QCommandLineOption corruptOption(
        QStringLiteral("corrupt-every"),
        QStringLiteral("Send every Nth answer with a wrong checksum."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption samFaultOption(
        QStringLiteral("sam-fault"), QStringLiteral("The SAM fails its self-test (status 60)."));
    const QCommandLineOption failingReadsOption(
        QStringLiteral("failing-reads"),
        QStringLiteral("The first N reads of each presented card fail with status 41 (read "
                       "failed), as with a damaged or badly placed card; \"all\": every read."),
        QStringLiteral("N|all"), QStringLiteral("0"));
    const QCommandLineOption failingSelectsOption(
        QStringLiteral("failing-selects"),
        QStringLiteral("The first N selects of each presented card fail with status 81 (select "
                       "failed) although the find saw the card; \"all\": every select."),
        QStringLiteral("N|all"), QStringLiteral("0"));
    parser.addOptions({linkOption, cardOption, noCardOption, presentOption, absentOption,
                       leadInOption, baudOption, samMsOption, corruptOption, samFaultOption,
                       failingReadsOption, failingSelectsOption});
    parser.process(app);

    if (!parser.isSet(linkOption))
        return usageError(QStringLiteral("--link PATH is required"));
    if (parser.isSet(cardOption) == parser.isSet(noCardOption))
        return usageError(QStringLiteral("give either --card FILE.json or --no-card"));
    gate::readersim::SimulatorOptions options;
    const auto number = [&](const QCommandLineOption &option, int minimum, int *out) {
        bool ok = false;
        *out = parser.value(option).toInt(&ok);
        return ok && *out >= minimum;
    };
    if (!number(presentOption, 0, &options.presentMs) ||
        !number(absentOption, 0, &options.absentMs) ||
        !number(leadInOption, 0, &options.leadInMs) || !number(baudOption, 1200, &options.baud) ||
        !number(samMsOption, 0, &options.samProcessingMs) ||
        !number(corruptOption, 0, &options.corruptEvery))
        return usageError(QStringLiteral("numeric options take whole numbers (baud >= 1200)"));
    if (options.presentMs > 0 && options.absentMs == 0)
        return usageError(QStringLiteral("--absent-ms must be > 0 with --present-ms"));
    options.samFault = parser.isSet(samFaultOption);
    const auto failing = [&](const QCommandLineOption &option, int *out) {
        if (parser.value(option) != QLatin1String("all"))
            return number(option, 0, out);
        *out = gate::readersim::kEveryAttemptFails;
        return true;
    };
    if (!failing(failingReadsOption, &options.failingReads))
        return usageError(QStringLiteral("--failing-reads takes a whole number or \"all\""));
    if (!failing(failingSelectsOption, &options.failingSelects))
        return usageError(QStringLiteral("--failing-selects takes a whole number or \"all\""));
    if (parser.isSet(cardOption)) {
        QString error;
        auto cards = loadCards(parser.value(cardOption), &error);
        if (!cards)
            return usageError(error);
        options.cards = std::move(*cards);
    }

    int master = -1;
    int slave = -1;
    char slaveName[256] = {};
    if (::openpty(&master, &slave, slaveName, nullptr, nullptr) != 0)
        return usageError(QStringLiteral("openpty: %1").arg(qt_error_string(errno)));
    // Raw on both sides until the host configures its end: no echo, no line editing.
    termios raw{};
    ::tcgetattr(slave, &raw);
    ::cfmakeraw(&raw);
    ::tcsetattr(slave, TCSANOW, &raw);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    // The slave stays open here too, so the master never reads EIO while the
    // host has the port closed.

    QString error;
    const QString link = QFileInfo(parser.value(linkOption)).absoluteFilePath();
    if (!publishLink(QString::fromLocal8Bit(slaveName), link, &error))
        return usageError(error);

    gate::readersim::ReaderSimulator simulator(master, std::move(options));
    const QByteArray ready =
        QJsonDocument(QJsonObject{{QStringLiteral("pty"), QString::fromLocal8Bit(slaveName)},
                                  {QStringLiteral("link"), link}})
            .toJson(QJsonDocument::Compact) +
        '\n';
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stdout);
    std::fflush(stdout);
    return app.exec();
}
