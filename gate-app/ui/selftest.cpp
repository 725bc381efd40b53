#include "selftest.h"

#include "core/clock.h"
#include "core/service/pinverifier.h"
#include "mainwindow.h"
#include "passengerscreenmodel.h"
#include "servicemodemodel.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QQmlComponent>
#include <QQmlEngine>

#include <memory>

namespace gate::ui {

namespace {

Q_LOGGING_CATEGORY(lcSelfTest, "gate.ui.selftest")

const QString kModuleDir = QStringLiteral(":/qt/qml/StationGate/Ui");

int reportErrors(const QQmlComponent &component, const QString &what) {
    for (const QQmlError &error : component.errors())
        qCCritical(lcSelfTest).noquote() << what << error.toString();
    return int(component.errors().size());
}

} // namespace

int selfTest() {
    QQmlEngine engine;
    prepareEngine(engine);
    int problems = 0;
    QObject::connect(&engine, &QQmlEngine::warnings, &engine, [&](const QList<QQmlError> &list) {
        for (const QQmlError &warning : list)
            qCCritical(lcSelfTest).noquote() << warning.toString();
        problems += int(list.size());
    });

    int files = 0;
    QDirIterator qmlFiles(kModuleDir, {QStringLiteral("*.qml")}, QDir::Files,
                          QDirIterator::Subdirectories);
    while (qmlFiles.hasNext()) {
        const QString path = qmlFiles.next();
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + path));
        problems += reportErrors(component, path);
        ++files;
    }
    if (files == 0) {
        qCCritical(lcSelfTest) << "no QML files in" << kModuleDir;
        return 1;
    }

    // Creating the window builds every screen on real models, which finds
    // what compiling alone does not: bad bindings and missing properties.
    ManualClock clock;
    service::PinVerifier verifier(clock);
    PassengerScreenModel passenger;
    ServiceModeModel service(verifier);
    QQmlComponent main(&engine,
                       QUrl(QStringLiteral("qrc") + kModuleDir + QStringLiteral("/Main.qml")));
    // Creating from a component that did not compile crashes Qt 6.4: the
    // errors above already name the file and the import that failed.
    if (!main.isReady()) {
        problems += reportErrors(main, QStringLiteral("Main.qml"));
        qCCritical(lcSelfTest) << files << "QML files," << problems
                               << "problems; the main window did not compile";
        return 1;
    }
    std::unique_ptr<QObject> window(main.createWithInitialProperties({
        {QStringLiteral("passenger"), QVariant::fromValue(&passenger)},
        {QStringLiteral("service"), QVariant::fromValue(&service)},
    }));
    problems += reportErrors(main, QStringLiteral("Main.qml"));
    if (!window)
        ++problems;

    qCInfo(lcSelfTest) << files << "QML files," << problems << "problems";
    return problems == 0 ? 0 : 1;
}

} // namespace gate::ui
