// gate-app: the command line, then the runtime does everything else.
#include "core/service/pinverifier.h"
#include "ops/systemdnotifier.h"
#include "ops/terminationsignals.h"
#include "runtime/gateapplication.h"
#include "ui/selftest.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>

namespace {

// sysexits.h EX_CONFIG: systemd's RestartPreventExitStatus keeps a broken
// configuration from restarting in a loop.
constexpr int exitConfigurationError = 78;
// sysexits.h EX_SOFTWARE: the screens did not load. systemd restarts the gate
// (a package may just have been installed) until its start limit is reached.
constexpr int exitSoftwareError = 70;

int hashPinFromStdin() {
    QTextStream in(stdin);
    const QString pin = in.readLine().trimmed();
    const QString hash = gate::service::PinVerifier::hash(pin);
    if (hash.isEmpty()) {
        QTextStream(stderr) << "gate-app: a PIN is 6 to 12 digits\n";
        return 2;
    }
    QTextStream(stdout) << hash << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("gate-app"));
    QGuiApplication::setOrganizationName(QStringLiteral("station-gate"));
    QGuiApplication::setApplicationVersion(QStringLiteral(GATE_VERSION));

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
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QStringLiteral("Load every QML file, then quit (0 = all load)."));
    const QCommandLineOption hashPinOption(
        QStringLiteral("hash-pin"),
        QStringLiteral("Read a staff PIN from standard input and print its salted hash for "
                       "service.staff[].pin_hash."));
    parser.addOptions({configOption, stateOption, exitAfterOption, selfTestOption, hashPinOption});
    parser.process(app);

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
    gate::GateApplication gate;
    if (parser.isSet(exitAfterOption)) {
        bool ok = false;
        const int decisions = parser.value(exitAfterOption).toInt(&ok);
        if (!ok || decisions < 1) {
            QTextStream(stderr) << "gate-app: --exit-after takes a number of decisions\n";
            return 2;
        }
        gate.exitAfter(decisions);
    }
    QStringList errors;
    const bool started = parser.isSet(configOption)
                             ? gate.startConfigured(parser.value(configOption), &errors)
                             : gate.startDemo(parser.value(stateOption), &errors);
    if (!started) {
        QTextStream err(stderr);
        for (const QString &error : std::as_const(errors))
            err << "gate-app: " << error << '\n';
        // `systemctl status` shows why the gate is down, not only an exit code.
        gate::SystemdNotifier().status(QStringLiteral("not started: ") +
                                       errors.join(QStringLiteral("; ")));
        return gate.touchscreenFailed() ? exitSoftwareError : exitConfigurationError;
    }
    return app.exec();
}
