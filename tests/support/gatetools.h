#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gate::test {

// The gate's own programs as the tests and benches run them: from
// GATE_BIN_DIR when set (an installed tree), else the build tree.
QString gateBinary(const QString &name);

// Runs one of them to its end (60 s at most), with `input` on its standard
// input, and returns the last JSON object it printed; empty unless it exited 0.
QJsonObject runGateTool(const QString &name, const QStringList &arguments,
                        const QByteArray &input = {});

} // namespace gate::test
