#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The gate's own programs as the whole-gate tests run them: from GATE_BIN_DIR,
// or the build tree.
QString gateBinary(const QString &name);

// Runs one of them to completion (60 s at most) and returns the last JSON
// object it printed; empty when it failed.
QJsonObject runGateTool(const QString &name, const QStringList &arguments);
