#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace gate::test {

// Throwaway certificates made with the openssl command line in a temporary
// folder at test time, so that no key is ever committed. Every certificate is
// valid for two days and usable by either side of a TLS connection.
class TestPki {
public:
    struct Identity {
        QString certFile;
        QString keyFile;
    };

    // Creates a CA ("Test Logs CA <label>") in its own folder.
    bool createCa(const QString &label, QString *error);
    // Issues a certificate for `name` (subject CN and DNS subjectAltName).
    std::optional<Identity> issue(const QString &name, QString *error);

    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }

private:
    bool openssl(const QStringList &arguments, QString *error) const;

    QTemporaryDir m_dir;
    int m_nextSerial = 2;
};

} // namespace gate::test
