// A log shipper alone in a process, so that a test can kill it with SIGKILL
// in the middle of a batch: logship-child DATABASE GATE_ID SETTINGS_JSON
#include "sync/logship/logshipper.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fputs("usage: logship-child DATABASE GATE_ID SETTINGS_JSON\n", stderr);
        return 2;
    }
    QStringList errors;
    const auto settings =
        gate::parseLogShipSettings(QJsonDocument::fromJson(args.at(3).toUtf8()).object(), &errors);
    if (!settings) {
        std::fprintf(stderr, "%s\n", qPrintable(errors.join(u'\n')));
        return 2;
    }
    gate::LogShipper shipper(args.at(1), args.at(2), *settings, QStringLiteral("test-host"));
    QString error;
    if (!shipper.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    return app.exec();
}
