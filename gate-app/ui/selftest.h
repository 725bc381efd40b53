#pragma once

namespace gate::ui {

// Compiles every QML file of StationGate.Ui and creates the main window on
// test models without showing it. 0 when all of it loads without an error
// or a warning; the errors go to the log. For gate-app --self-test.
int selfTest();

} // namespace gate::ui
