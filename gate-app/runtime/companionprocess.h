#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>

namespace gate {

// A program of this installation that the demo runs next to the gate (the
// lane simulator, the demo station issuer). It announces itself with one JSON
// line on stdout ({"tcp": "127.0.0.1:40123"}); every later line goes to the
// gate.demo debug log.
class CompanionProcess : public QObject {
    Q_OBJECT
public:
    explicit CompanionProcess(QString program, QObject *parent = nullptr);
    ~CompanionProcess() override;

    // Starts <bin dir>/program and waits for its first JSON line. Returns it,
    // or an empty object with `error` set (the program is stopped then).
    QJsonObject start(const QStringList &arguments, int timeoutMs, QString *error);
    // Runs the program to completion; its last JSON line on success.
    QJsonObject run(const QStringList &arguments, int timeoutMs, QString *error);
    void stop();

private:
    QString m_program;
    QProcess m_process;
};

} // namespace gate
