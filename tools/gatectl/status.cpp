#include "cli.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace gatectl {

namespace {

constexpr qsizetype maxAnswerBytes = 1 << 20;
constexpr int answerTimeoutSecs = 5;

// The gate's status socket answers one JSON object per connection and closes
// it (docs/operations.md). Plain POSIX, so that gatectl needs no QtNetwork.
QByteArray readStatusSocket(const QByteArray &path, QString *error) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= qsizetype(sizeof(address.sun_path))) {
        *error = QStringLiteral("socket path is too long: %1").arg(QString::fromLocal8Bit(path));
        return {};
    }
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return {};
    }
    const timeval timeout{answerTimeoutSecs, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        const int cause = errno;
        ::close(fd);
        *error = cause == ENOENT || cause == ECONNREFUSED
                     ? QStringLiteral("the gate is not running (no status socket at %1)")
                           .arg(QString::fromLocal8Bit(path))
                     : QStringLiteral("cannot connect to %1: %2")
                           .arg(QString::fromLocal8Bit(path),
                                QString::fromLocal8Bit(std::strerror(cause)));
        return {};
    }
    QByteArray answer;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0)
            break;
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error =
                errno == EAGAIN
                    ? QStringLiteral("the gate did not answer within %1 s").arg(answerTimeoutSecs)
                    : QString::fromLocal8Bit(std::strerror(errno));
            answer.clear();
            break;
        }
        answer.append(buffer, got);
        if (answer.size() > maxAnswerBytes) {
            *error =
                QStringLiteral("the gate's answer is larger than %1 bytes").arg(maxAnswerBytes);
            answer.clear();
            break;
        }
    }
    ::close(fd);
    return answer;
}

} // namespace

int status(const QStringList &args) {
    Arguments arguments(
        QStringLiteral("gatectl status [--socket PATH]"),
        {QCommandLineOption(QStringLiteral("socket"), QString(), QStringLiteral("PATH"))});
    if (!arguments.parse(args))
        return exitUsage;
    if (!arguments.positional().isEmpty())
        return arguments.usageError();
    // Where the shipped configuration (status_socket) puts it.
    const QString socketPath = arguments.isSet(QStringLiteral("socket"))
                                   ? arguments.value(QStringLiteral("socket"))
                                   : QStringLiteral("/run/station-gate/status.sock");
    QString error;
    const QByteArray answer = readStatusSocket(QFile::encodeName(socketPath), &error);
    if (!error.isEmpty())
        return usageError(error);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer, &parseError);
    if (!document.isObject())
        return usageError(QStringLiteral("the gate's answer is not a JSON object: %1")
                              .arg(parseError.errorString()));
    printJson(document.object());
    return exitRan;
}

} // namespace gatectl
