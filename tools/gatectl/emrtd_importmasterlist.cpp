#include "cli.h"

#include "emrtd/cscastore.h"

#include <QDir>
#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace gatectl {

namespace {

// A file per CSCA, named by its certificate's SHA-256, so importing the same
// list twice changes nothing.
bool writeCertificate(const QDir &folder, X509 *certificate, QString *error) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    X509_digest(certificate, EVP_sha256(), digest, &size);
    const QString name =
        QStringLiteral("csca-%1.pem")
            .arg(QString::fromLatin1(QByteArray(reinterpret_cast<char *>(digest), 8).toHex()));
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, certificate);
    BUF_MEM *buffer = nullptr;
    BIO_get_mem_ptr(bio, &buffer);
    const QByteArray pem(buffer->data, qsizetype(buffer->length));
    BIO_free(bio);
    QFile file(folder.filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(pem) != pem.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace

// gatectl emrtd import-masterlist FILE --out DIR
int emrtdImportMasterList(const QStringList &args) {
    Arguments arguments(
        QStringLiteral("gatectl emrtd import-masterlist FILE --out DIR"),
        {QCommandLineOption(QStringLiteral("out"), QString(), QStringLiteral("DIR"))});
    if (!arguments.parse(args))
        return exitUsage;
    if (arguments.positional().size() != 1 || arguments.value(QStringLiteral("out")).isEmpty())
        return arguments.usageError();
    const QString path = arguments.positional().first();
    const QDir out(arguments.value(QStringLiteral("out")));
    if (!QFile::exists(path))
        return usageError(QStringLiteral("cannot read %1").arg(path));
    if (!out.mkpath(QStringLiteral(".")))
        return usageError(QStringLiteral("cannot create %1").arg(out.path()));
    gate::emrtd::CscaStore list;
    std::string why;
    QJsonObject json{{QStringLiteral("file"), path}};
    if (!list.load(path.toStdString(), &why)) {
        json.insert(QStringLiteral("outcome"), QStringLiteral("refused"));
        json.insert(QStringLiteral("error"), QString::fromStdString(why));
        printJson(json);
        return exitRefused;
    }
    QString error;
    for (X509 *certificate : list.certificates())
        if (!writeCertificate(out, certificate, &error))
            return usageError(error);
    json.insert(QStringLiteral("outcome"), QStringLiteral("imported"));
    json.insert(QStringLiteral("certificates"), qint64(list.size()));
    printJson(json);
    return exitRan;
}

} // namespace gatectl
