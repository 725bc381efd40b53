// gate-app: the command line, then the runtime does everything else.
#include "core/clock.h"
#include "core/service/pinverifier.h"
#include "hal/jsonkeylines.h"
#include "ops/systemdnotifier.h"
#include "ops/terminationsignals.h"
#include "runtime/configurationcheck.h"
#include "runtime/exitcodes.h"
#include "runtime/gateapplication.h"
#include "ui/selftest.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <memory>

namespace {

// Commands that need no screen run without a platform plugin, so that they
// work over ssh on a box whose display belongs to the running gate.
bool needsScreen(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--check-config" || arg.startsWith("--check-config=") || arg == "--hash-pin")
            return false;
    }
    return true;
}

int hashPinFromStdin() {
    QTextStream in(stdin);
    const QString pin = in.readLine().trimmed();
    const QString hash = gate::service::PinVerifier::hash(pin);
    if (hash.isEmpty()) {
        QTextStream(stderr) << "gate-app: a PIN is 6 to 12 digits\n";
        return gate::exitUsage;
    }
    QTextStream(stdout) << hash << '\n';
    return 0;
}

// Errors of the configuration are placed in its file as they are found;
// those of a start that name a key of it (the log shipper's settings, the
// status socket) get their line here.
void placeInConfiguration(const QString &path, QStringList *errors) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const gate::hal::JsonKeyLines lines(file.read(gate::hal::JsonKeyLines::maxBytes + 1));
    for (QString &error : *errors) {
        if (!error.startsWith(path + u':') && gate::hal::JsonKeyLines::namesKey(error))
            error = lines.place(path, error);
    }
}

} // namespace

int main(int argc, char *argv[]) {
    const std::unique_ptr<QCoreApplication> application =
        needsScreen(argc, argv) ? std::make_unique<QGuiApplication>(argc, argv)
                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("gate-app"));
    QCoreApplication::setOrganizationName(QStringLiteral("station-gate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATE_VERSION));

    // Debug output is for developers (QT_LOGGING_RULES turns it back on).
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Station gate controller. Without --config it runs the embedded demo: "
                       "simulated lane and passengers, demo station data."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("The gate's configuration file."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption stateOption(
        QStringLiteral("state-dir"),
        QStringLiteral("Demo: keep the demo station and databases in DIR (default: a new "
                       "temporary folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption exitAfterOption(
        QStringLiteral("exit-after"),
        QStringLiteral("Quit after N decisions, once no authorised pass is pending (demo runs, "
                       "tests, benchmarks)."),
        QStringLiteral("N"));
    const QCommandLineOption checkConfigOption(
        QStringLiteral("check-config"),
        QStringLiteral("Check FILE as a start would, without opening devices, databases or the "
                       "screen; print every problem and what is not commissioned yet. Exit 0: "
                       "\"configuration OK\"; 3: valid, not commissioned; 78: errors."),
        QStringLiteral("FILE"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QStringLiteral("Load every QML file, then quit (0 = all load)."));
    const QCommandLineOption hashPinOption(
        QStringLiteral("hash-pin"),
        QStringLiteral("Read a staff PIN from standard input and print its salted hash for "
                       "service.staff[].pin_hash."));
    parser.addOptions({configOption, stateOption, exitAfterOption, checkConfigOption,
                       selfTestOption, hashPinOption});
    parser.process(app);

    if (parser.isSet(checkConfigOption))
        return gate::runConfigurationCheck(parser.value(checkConfigOption));
    if (parser.isSet(selfTestOption))
        return gate::ui::selfTest();
    if (parser.isSet(hashPinOption))
        return hashPinFromStdin();

    // Before anything starts: a stop during start-up is read once the loop runs.
    gate::TerminationSignals termination;
    QObject::connect(&termination, &gate::TerminationSignals::terminationRequested, &app,
                     [](int signalNumber) {
                         qInfo("signal %d: stopping", signalNumber);
                         QCoreApplication::quit();
                     });
    gate::SystemClock clock;
    gate::GateApplication gate(clock);
    if (parser.isSet(exitAfterOption)) {
        bool ok = false;
        const int decisions = parser.value(exitAfterOption).toInt(&ok);
        if (!ok || decisions < 1) {
            QTextStream(stderr) << "gate-app: --exit-after takes a number of decisions\n";
            return gate::exitUsage;
        }
        gate.exitAfter(decisions);
    }
    QStringList errors;
    const bool started = parser.isSet(configOption)
                             ? gate.startConfigured(parser.value(configOption), &errors)
                             : gate.startDemo(parser.value(stateOption), &errors);
    if (!started) {
        if (parser.isSet(configOption))
            placeInConfiguration(parser.value(configOption), &errors);
        QTextStream err(stderr);
        for (const QString &error : std::as_const(errors))
            err << "gate-app: " << error << '\n';
        // `systemctl status` shows why the gate is down, not only an exit code.
        gate::SystemdNotifier().status(QStringLiteral("not started: ") +
                                       errors.join(QStringLiteral("; ")));
        return gate.touchscreenFailed() ? gate::exitSoftwareError : gate::exitConfigurationError;
    }
    return app.exec();
}
