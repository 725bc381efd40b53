#pragma once

#include <QJsonObject>
#include <QString>

namespace gate::test {

// The demo station commissioned for one gate, as an installer does it: the
// gate's device key made (gatectl device-key init) and enrolled when the
// station issues its list (gate-issuer demo-station --enrol), so that the
// list's holder keys are sealed to that gate alone.
class DemoStation {
public:
    // Makes the device key and the station under `folder` (created when missing).
    bool commission(const QString &folder, QString *error);

    // What gate-issuer demo-station printed: list_url, root_key, script, now...
    QJsonObject issued() const { return m_issued; }
    QString listUrl() const;
    QString rootKey() const;
    QString deviceKeyFile() const { return m_deviceKey; }
    // The gate configuration's "tickets" object for this station.
    QJsonObject ticketsConfig() const;

    // Applies the station's list to a ticket store (gatectl tickets sync).
    bool syncInto(const QString &database, QString *error) const;

private:
    QJsonObject m_issued;
    QString m_deviceKey;
};

} // namespace gate::test
