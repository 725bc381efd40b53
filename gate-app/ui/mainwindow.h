#pragma once

#include <QQmlApplicationEngine>

#include <memory>

namespace gate::ui {

class PassengerScreenModel;
class ServiceModeModel;

struct WindowOptions {
    bool portrait = false;   // 800x1280 instead of 1280x800
    bool fullScreen = false; // on the box; tests and desktops use a window
};

// Loads the touchscreen (StationGate.Ui/Main.qml) on the two models, which
// must outlive the engine, and shows it. Keeps the engine's texts in step with
// the passenger's language. Null when the main window does not load; then
// `errors` (when given) holds each QML error with its file, line and import.
std::unique_ptr<QQmlApplicationEngine> createMainEngine(PassengerScreenModel &passenger,
                                                        ServiceModeModel &service,
                                                        const WindowOptions &options = {},
                                                        QStringList *errors = nullptr);

// The engine import path and type registration every engine of this module
// needs.
void prepareEngine(QQmlEngine &engine);

} // namespace gate::ui
