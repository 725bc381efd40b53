#include "benchstation.h"

#include "benchtools.h"
#include "core/credentials/holderkey.h"
#include "core/credentials/idcard/cardnumbers.h"
#include "specimenpage.h"
#include "vision/mrz/mrzcompose.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>

#include <opencv2/imgcodecs.hpp>

namespace gate::e2e {

namespace {

constexpr int frameWidth = 1280;
constexpr int frameHeight = 720;
constexpr qint64 day = 24 * 3600;
constexpr qint64 listValiditySecs = 6 * 3600;
const QString benchTrain = QStringLiteral("G9001");
const QString otherTrain = QStringLiteral("G9002");
// A holder key no identity maps to: e-tickets do not need one.
const QString anonymousHolder = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");
const QString passportIssuer = QStringLiteral("UTO");

QString passportIdentity(const QString &number) {
    return QStringLiteral("PP:%1:%2").arg(passportIssuer, number);
}

} // namespace

QList<CameraPassenger> cameraPassengers(int count, const QString &prefix, int passportEvery,
                                        int deniedEvery) {
    QList<CameraPassenger> passengers;
    for (int i = 1; i <= count; ++i) {
        CameraPassenger passenger;
        passenger.id = QStringLiteral("%1%2").arg(prefix).arg(i, 6, 10, QLatin1Char('0'));
        if (passportEvery > 0 && i % passportEvery == 0) {
            passenger.shows = CameraPassenger::Shows::Passport;
            // A letter and eight digits that look like a real series, not a
            // counter padded with zeros (docs/mrz.md: zeros and O are the hard case).
            passenger.id =
                prefix + QString::number((quint64(i) * 48271u + 10000019u) % 90000000u + 10000000u);
        } else if (deniedEvery > 0 && i % deniedEvery == 0)
            passenger.onList = false;
        passengers.append(passenger);
    }
    return passengers;
}

QStringList cardNumbers(int count, int first) {
    QStringList numbers;
    for (int i = first; i < first + count; ++i) {
        // Born on one of the first 28 days of January 1990, 1000 numbers a day.
        const QString first17 = QStringLiteral("110105199001%1%2")
                                    .arg(1 + i / 1000 % 28, 2, 10, QLatin1Char('0'))
                                    .arg(i % 1000, 3, 10, QLatin1Char('0'));
        numbers.append(first17 + idcard::mod112CheckCharacter(first17));
    }
    return numbers;
}

Station::Station(const QString &dir)
    : m_dir(dir) {
    // The bench gate is commissioned like a real one: its device key is
    // enrolled, and the list's keys are sealed to it.
    QString error;
    if (!m_commissioned.commission(m_dir, &error))
        abortBench(error);
    const QJsonObject demo = m_commissioned.issued();
    m_listUrl = m_commissioned.listUrl();
    m_rootKey = m_commissioned.rootKey();
    m_now = qint64(demo.value(QStringLiteral("now")).toDouble());
    m_listDir = QUrl(m_listUrl).toLocalFile();
    m_departure = m_now + 2 * 3600;
    readListKey();
}

QString Station::path(const QString &name) const {
    return QDir(m_dir).absoluteFilePath(name);
}

QString Station::deviceKeyFile() const {
    return m_commissioned.deviceKeyFile();
}

QString Station::secretsFile() const {
    return path(QStringLiteral("station/issuer-secrets.json"));
}

// Holder keys of passports and ID cards are made with the list's key, which
// the issuer keeps in its secrets file (the manifest carries it sealed only).
void Station::readListKey() {
    QFile secrets(secretsFile());
    if (!secrets.open(QIODevice::ReadOnly))
        abortBench(QStringLiteral("no issuer secrets at %1").arg(secrets.fileName()));
    m_listKey = QByteArray::fromBase64(QJsonDocument::fromJson(secrets.readAll())
                                           .object()
                                           .value(QStringLiteral("keys"))
                                           .toObject()
                                           .value(QStringLiteral("list_key"))
                                           .toObject()
                                           .value(QStringLiteral("key"))
                                           .toString()
                                           .toLatin1());
    if (m_listKey.size() != 32)
        abortBench(QStringLiteral("%1 has no list key").arg(secrets.fileName()));
}

void Station::replaceBySyntheticList(int tickets) {
    const QString keys = path(QStringLiteral("keys.json"));
    QFile::copy(QDir(m_listDir).absoluteFilePath(QStringLiteral("keys.json")), keys);
    QByteArray listKey(32, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(listKey.data()), 8);
    runTool(QStringLiteral("gate-issuer"),
            {QStringLiteral("ticketlist"), QStringLiteral("--out"), m_listDir,
             QStringLiteral("--root-key"), path(QStringLiteral("station/root-key.pem")),
             QStringLiteral("--secrets"), secretsFile(), QStringLiteral("--seq"),
             QString::number(++m_seq), QStringLiteral("--synthetic"), QString::number(tickets),
             QStringLiteral("--keys"), keys, QStringLiteral("--list-key"),
             QStringLiteral("1:") + QString::fromLatin1(listKey.toBase64()),
             QStringLiteral("--valid-for"), QString::number(listValiditySecs)});
    readListKey();
}

void Station::publishBenchTickets(const QList<CameraPassenger> &passengers,
                                  const QStringList &cards) {
    QList<QByteArray> lines{trainRecord(benchTrain)};
    for (const CameraPassenger &passenger : passengers) {
        if (!passenger.onList)
            continue;
        if (passenger.shows == CameraPassenger::Shows::ETicket)
            lines.append(
                ticketRecord(passenger.id, benchTrain, int(lines.size()), anonymousHolder));
        else
            lines.append(ticketRecord(QStringLiteral("P") + passenger.id, benchTrain,
                                      int(lines.size()),
                                      holderKey(m_listKey, passportIdentity(passenger.id))));
    }
    for (const QString &number : cards)
        lines.append(ticketRecord(QStringLiteral("C") + number.right(8), benchTrain,
                                  int(lines.size()),
                                  holderKey(m_listKey, QStringLiteral("ID:") + number)));
    runTool(QStringLiteral("gate-issuer"),
            deltaArgumentsFor(writeRecords(lines, QStringLiteral("bench-tickets.ndjson"))));
}

QStringList Station::deltaArguments(int changes, const QList<CameraPassenger> &late,
                                    const QString &name) {
    QList<QByteArray> lines{trainRecord(otherTrain)};
    for (const CameraPassenger &passenger : late)
        lines.append(
            passenger.shows == CameraPassenger::Shows::ETicket
                ? ticketRecord(passenger.id, benchTrain, int(lines.size()), anonymousHolder)
                : ticketRecord(QStringLiteral("P") + passenger.id, benchTrain, int(lines.size()),
                               holderKey(m_listKey, passportIdentity(passenger.id))));
    for (int i = int(lines.size()); i < changes; ++i)
        lines.append(ticketRecord(
            QStringLiteral("%1%2").arg(name.left(1).toUpper()).arg(i, 7, 10, QLatin1Char('0')),
            otherTrain, i, anonymousHolder));
    return deltaArgumentsFor(writeRecords(lines, name + QStringLiteral(".ndjson")));
}

void Station::syncInto(const QString &database) const {
    QString error;
    if (!m_commissioned.syncInto(database, &error))
        abortBench(error);
}

cv::Mat Station::ticketFrame(const QString &tid) const {
    const QString png = path(QStringLiteral("code-%1.png").arg(tid));
    runTool(QStringLiteral("gate-issuer"), {QStringLiteral("code"),
                                            QStringLiteral("--key"),
                                            path(QStringLiteral("station/ticket-key.pem")),
                                            QStringLiteral("--tid"),
                                            tid,
                                            QStringLiteral("--trn"),
                                            benchTrain,
                                            QStringLiteral("--dep"),
                                            QStringLiteral("VNP"),
                                            QStringLiteral("--arr"),
                                            QStringLiteral("AOH"),
                                            QStringLiteral("--dpt"),
                                            QString::number(m_departure),
                                            QStringLiteral("--iat"),
                                            QString::number(m_now - day),
                                            QStringLiteral("--exp"),
                                            QString::number(m_departure + day),
                                            QStringLiteral("--car"),
                                            QStringLiteral("5"),
                                            QStringLiteral("--seat"),
                                            QStringLiteral("1A"),
                                            QStringLiteral("--png"),
                                            png});
    const cv::Mat code = cv::imread(png.toStdString(), cv::IMREAD_GRAYSCALE);
    if (code.empty() || code.cols > frameWidth || code.rows > frameHeight)
        abortBench(QStringLiteral("unusable QR image %1").arg(png));
    cv::Mat frame(frameHeight, frameWidth, CV_8UC1, cv::Scalar(255));
    code.copyTo(frame(cv::Rect((frameWidth - code.cols) / 2, (frameHeight - code.rows) / 2,
                               code.cols, code.rows)));
    QFile::remove(png);
    return frame;
}

QStringList Station::passportMrz(const QString &number) const {
    const QDate today = QDateTime::fromSecsSinceEpoch(m_now, Qt::UTC).date();
    const std::array<std::string, 2> mrz = mrz::composeTd3(
        {.issuer = passportIssuer.toStdString(),
         .name = "SPECIMEN<<BENCH",
         .number = number.toStdString(),
         .nationality = passportIssuer.toStdString(),
         .birth = "900101",
         .sex = 'F',
         .expiry = today.addYears(5).toString(QStringLiteral("yyMMdd")).toStdString(),
         .optional = {}});
    return {QString::fromStdString(mrz[0]), QString::fromStdString(mrz[1])};
}

cv::Mat Station::passportPage(const QString &number) const {
    const QStringList mrz = passportMrz(number);
    const cv::Mat page = mrztest::specimenPage({mrz[0].toStdString(), mrz[1].toStdString()});
    if (page.empty())
        abortBench(QStringLiteral("no OCR-B font (%1): install fonts-ocr-b")
                       .arg(QString::fromLatin1(mrztest::kOcrbFontPath)));
    return page;
}

QByteArray Station::trainRecord(const QString &trn) const {
    return QJsonDocument(QJsonObject{{"t", "train"},
                                     {"trn", trn},
                                     {"dpt", m_departure},
                                     {"open", m_now - 3600},
                                     {"close", m_departure - 300},
                                     {"gates", QJsonArray{"A1"}},
                                     {"status", "normal"}})
        .toJson(QJsonDocument::Compact);
}

QByteArray Station::ticketRecord(const QString &tid, const QString &trn, int index,
                                 const QString &holder) const {
    return QJsonDocument(QJsonObject{{"t", "ticket"},
                                     {"tid", tid},
                                     {"trn", trn},
                                     {"dep", "VNP"},
                                     {"arr", "AOH"},
                                     {"dpt", m_departure},
                                     {"car", 5},
                                     {"seat", QStringLiteral("%1A").arg(index % 100)},
                                     {"cls", "2"},
                                     {"holder", holder},
                                     {"status", "valid"},
                                     {"nm", "DEMO*"}})
        .toJson(QJsonDocument::Compact);
}

QString Station::writeRecords(const QList<QByteArray> &lines, const QString &name) const {
    const QString records = path(name);
    writeFile(records, lines.join('\n') + '\n');
    return records;
}

QStringList Station::deltaArgumentsFor(const QString &records) {
    return {QStringLiteral("ticketlist"),
            QStringLiteral("--out"),
            m_listDir,
            QStringLiteral("--root-key"),
            path(QStringLiteral("station/root-key.pem")),
            QStringLiteral("--secrets"),
            secretsFile(),
            QStringLiteral("--seq"),
            QString::number(++m_seq),
            QStringLiteral("--delta"),
            QStringLiteral("--records"),
            records,
            QStringLiteral("--valid-for"),
            QString::number(listValiditySecs)};
}

} // namespace gate::e2e
