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

// The command line's options, declared once for parsing and for --help.
struct CommandLine {
    QCommandLineOption link{QStringLiteral("link"),
                            QStringLiteral("Publish the pty as this symlink."),
                            QStringLiteral("PATH")};
    QCommandLineOption card{QStringLiteral("card"),
                            QStringLiteral("Card description, or a JSON array of them."),
                            QStringLiteral("FILE.json")};
    QCommandLineOption noCard{QStringLiteral("no-card"), QStringLiteral("No card on the reader.")};
    QCommandLineOption present{
        QStringLiteral("present-ms"),
        QStringLiteral("Present the cards in turn for this long each (0: the first card stays)."),
        QStringLiteral("MS"), QStringLiteral("0")};
    QCommandLineOption absent{QStringLiteral("absent-ms"),
                              QStringLiteral("Pause without card between cards."),
                              QStringLiteral("MS"), QStringLiteral("2000")};
    QCommandLineOption leadIn{
        QStringLiteral("lead-in-ms"),
        QStringLiteral("No card at all for this long after the start (a gate still starting)."),
        QStringLiteral("MS"), QStringLiteral("0")};
    QCommandLineOption baud{QStringLiteral("baud"), QStringLiteral("Wire speed to simulate."),
                            QStringLiteral("BAUD"), QStringLiteral("115200")};
    QCommandLineOption samMs{QStringLiteral("sam-ms"),
                             QStringLiteral("SAM processing time of a read."), QStringLiteral("MS"),
                             QStringLiteral("100")};
    QCommandLineOption corrupt{QStringLiteral("corrupt-every"),
                               QStringLiteral("Send every Nth answer with a wrong checksum."),
                               QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption samFault{QStringLiteral("sam-fault"),
                                QStringLiteral("The SAM fails its self-test (status 60).")};
    QCommandLineOption failingReads{
        QStringLiteral("failing-reads"),
        QStringLiteral("The first N reads of each presented card fail with status 41 (read "
                       "failed), as with a damaged or badly placed card; \"all\": every read."),
        QStringLiteral("N|all"), QStringLiteral("0")};
    QCommandLineOption failingSelects{
        QStringLiteral("failing-selects"),
        QStringLiteral("The first N selects of each presented card fail with status 81 (select "
                       "failed) although the find saw the card; \"all\": every select."),
        QStringLiteral("N|all"), QStringLiteral("0")};

    void addTo(QCommandLineParser &parser) const {
        parser.addOptions({link, card, noCard, present, absent, leadIn, baud, samMs, corrupt,
                           samFault, failingReads, failingSelects});
    }
};

// The simulator's behaviour from the parsed command line; nothing after
// printing the usage error.
std::optional<gate::readersim::SimulatorOptions> simulatorOptions(const QCommandLineParser &parser,
                                                                  const CommandLine &line) {
    if (!parser.isSet(line.link)) {
        usageError(QStringLiteral("--link PATH is required"));
        return std::nullopt;
    }
    if (parser.isSet(line.card) == parser.isSet(line.noCard)) {
        usageError(QStringLiteral("give either --card FILE.json or --no-card"));
        return std::nullopt;
    }
    gate::readersim::SimulatorOptions options;
    const auto number = [&](const QCommandLineOption &option, int minimum, int *out) {
        bool ok = false;
        *out = parser.value(option).toInt(&ok);
        return ok && *out >= minimum;
    };
    if (!number(line.present, 0, &options.presentMs) ||
        !number(line.absent, 0, &options.absentMs) || !number(line.leadIn, 0, &options.leadInMs) ||
        !number(line.baud, 1200, &options.baud) ||
        !number(line.samMs, 0, &options.samProcessingMs) ||
        !number(line.corrupt, 0, &options.corruptEvery)) {
        usageError(QStringLiteral("numeric options take whole numbers (baud >= 1200)"));
        return std::nullopt;
    }
    if (options.presentMs > 0 && options.absentMs == 0) {
        usageError(QStringLiteral("--absent-ms must be > 0 with --present-ms"));
        return std::nullopt;
    }
    options.samFault = parser.isSet(line.samFault);
    const auto failing = [&](const QCommandLineOption &option, int *out) {
        if (parser.value(option) != QLatin1String("all"))
            return number(option, 0, out);
        *out = gate::readersim::kEveryAttemptFails;
        return true;
    };
    if (!failing(line.failingReads, &options.failingReads)) {
        usageError(QStringLiteral("--failing-reads takes a whole number or \"all\""));
        return std::nullopt;
    }
    if (!failing(line.failingSelects, &options.failingSelects)) {
        usageError(QStringLiteral("--failing-selects takes a whole number or \"all\""));
        return std::nullopt;
    }
    if (parser.isSet(line.card)) {
        QString error;
        auto cards = loadCards(parser.value(line.card), &error);
        if (!cards) {
            usageError(error);
            return std::nullopt;
        }
        options.cards = std::move(*cards);
    }
    return options;
}

// A pseudo-terminal, raw on both sides until the host configures its end (no
// echo, no line editing); the master does not block. The slave stays open
// here too, so the master never reads EIO while the host has the port closed.
struct PseudoTerminal {
    int master = -1;
    int slave = -1;
    QString slaveName;
};

std::optional<PseudoTerminal> openPseudoTerminal() {
    PseudoTerminal pty;
    char slaveName[256] = {};
    if (::openpty(&pty.master, &pty.slave, slaveName, nullptr, nullptr) != 0) {
        usageError(QStringLiteral("openpty: %1").arg(qt_error_string(errno)));
        return std::nullopt;
    }
    termios raw{};
    ::tcgetattr(pty.slave, &raw);
    ::cfmakeraw(&raw);
    ::tcsetattr(pty.slave, TCSANOW, &raw);
    ::fcntl(pty.master, F_SETFL, ::fcntl(pty.master, F_GETFL) | O_NONBLOCK);
    pty.slaveName = QString::fromLocal8Bit(slaveName);
    return pty;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gate-reader-sim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A SAM ID-card reader (GA 467 serial protocol) on a pseudo-terminal."));
    parser.addHelpOption();
    const CommandLine line;
    line.addTo(parser);
    parser.process(app);
    std::optional<gate::readersim::SimulatorOptions> options = simulatorOptions(parser, line);
    if (!options)
        return kExitUsage;
    const std::optional<PseudoTerminal> pty = openPseudoTerminal();
    if (!pty)
        return kExitUsage;

    QString error;
    const QString link = QFileInfo(parser.value(line.link)).absoluteFilePath();
    if (!publishLink(pty->slaveName, link, &error))
        return usageError(error);

    gate::readersim::ReaderSimulator simulator(pty->master, std::move(*options));
    const QByteArray ready = QJsonDocument(QJsonObject{{QStringLiteral("pty"), pty->slaveName},
                                                       {QStringLiteral("link"), link}})
                                 .toJson(QJsonDocument::Compact) +
                             '\n';
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stdout);
    std::fflush(stdout);
    return app.exec();
}
