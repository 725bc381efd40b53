#include "testpki.h"

#include <QFile>
#include <QProcess>

namespace gate::test {

namespace {

const QStringList ecKey = {
    QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};

} // namespace

bool TestPki::openssl(const QStringList &arguments, QString *error) const {
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2%3")
                     .arg(arguments.value(0), process.errorString(),
                          QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TestPki::createCa(const QString &label, QString *error) {
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder for the test PKI");
        return false;
    }
    return openssl(
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
            QStringList{
                QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                caFile(), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=Test Logs CA %1").arg(label), QStringLiteral("-addext"),
                QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
        error);
}

std::optional<TestPki::Identity> TestPki::issue(const QString &name, QString *error) {
    const QString base = m_dir.filePath(name);
    const Identity identity{base + QStringLiteral(".pem"), base + QStringLiteral(".key")};
    const QString request = base + QStringLiteral(".csr");
    const QString extensions = base + QStringLiteral(".ext");
    QFile file(extensions);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(extensions);
        return std::nullopt;
    }
    file.write(QStringLiteral("subjectAltName=DNS:%1\n"
                              "extendedKeyUsage=serverAuth,clientAuth\n"
                              "keyUsage=critical,digitalSignature\n"
                              "basicConstraints=CA:FALSE\n")
                   .arg(name)
                   .toUtf8());
    file.close();
    if (!openssl(QStringList{QStringLiteral("req")} + ecKey +
                     QStringList{QStringLiteral("-keyout"), identity.keyFile,
                                 QStringLiteral("-out"), request, QStringLiteral("-subj"),
                                 QStringLiteral("/CN=%1").arg(name)},
                 error) ||
        !openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                  QStringLiteral("-CA"), caFile(), QStringLiteral("-CAkey"),
                  QStringLiteral("ca.key"), QStringLiteral("-set_serial"),
                  QString::number(m_nextSerial++), QStringLiteral("-days"), QStringLiteral("2"),
                  QStringLiteral("-extfile"), extensions, QStringLiteral("-out"),
                  identity.certFile},
                 error))
        return std::nullopt;
    return identity;
}

} // namespace gate::test
