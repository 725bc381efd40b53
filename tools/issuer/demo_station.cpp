#include "demo_station.h"

#include "code_issue.h"
#include "core/credentials/eticket/trustlist.h"
#include "core/credentials/holderkey.h"
#include "core/credentials/idcard/cardencoder.h"
#include "core/credentials/ticketclaims.h"
#include "hal/sam/samframe.h"
#include "vision/mrz/mrzcompose.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace gate::issuer {

namespace {

constexpr qint64 minute = 60;
constexpr qint64 hour = 3600;
constexpr qint64 day = 24 * hour;

QByteArray randomKey() {
    QByteArray key(32, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
    return key;
}

// A TD3 passport MRZ with every check digit computed.
QStringList passportMrz(const QString &issuer, const QString &name, const QString &number,
                        const QDate &birth, QChar sex, const QDate &expiry) {
    const auto yymmdd = [](const QDate &date) {
        return date.toString(QStringLiteral("yyMMdd")).toStdString();
    };
    const std::array<std::string, 2> lines = mrz::composeTd3({.issuer = issuer.toStdString(),
                                                              .name = name.toStdString(),
                                                              .number = number.toStdString(),
                                                              .nationality = issuer.toStdString(),
                                                              .birth = yymmdd(birth),
                                                              .sex = char(sex.toLatin1()),
                                                              .expiry = yymmdd(expiry),
                                                              .optional = {}});
    return {QString::fromStdString(lines[0]), QString::fromStdString(lines[1])};
}

class Cast {
public:
    Cast(DemoStation &station, QString *error)
        : m_station(station)
        , m_error(error)
        , m_today(QDateTime::fromSecsSinceEpoch(station.now, Qt::UTC).date()) {}

    void train(const QString &trn, const QString &arr, qint64 dptIn, qint64 opensBefore,
               qint64 closesBefore, const QStringList &gates, const QString &status = "normal") {
        const qint64 dpt = m_station.now + dptIn;
        m_station.records.append({{"t", "train"},
                                  {"trn", trn},
                                  {"dpt", dpt},
                                  {"open", dpt - opensBefore},
                                  {"close", dpt - closesBefore},
                                  {"gates", QJsonArray::fromStringList(gates)},
                                  {"status", status}});
        m_trains.insert(trn, {arr, dpt});
    }

    TicketClaims ticket(const QString &tid, const QString &trn, quint32 car, const QString &seat,
                        const QString &holderIdentity, const QString &status = "valid",
                        const QString &dep = {}) {
        const TicketClaims claims = claimsFor(tid, trn, car, seat, dep);
        const qint64 dpt = claims.departure;
        m_station.records.append({{"t", "ticket"},
                                  {"tid", tid},
                                  {"trn", trn},
                                  {"dep", claims.dep},
                                  {"arr", claims.arr},
                                  {"dpt", dpt},
                                  {"car", qint64(car)},
                                  {"seat", seat},
                                  {"cls", claims.seatClass},
                                  {"holder", holderKey(m_station.listKey, holderIdentity)},
                                  {"status", status},
                                  {"nm", claims.maskedName}});
        return claims;
    }

    // A listed ticket's kind (spec/ticket-list.md), with a student's
    // discount check date.
    void setKind(const QString &tid, const QString &kind,
                 std::optional<qint64> eligibleUntil = std::nullopt) {
        for (QJsonObject &record : m_station.records) {
            if (record.value("t") != QLatin1String("ticket") || record.value("tid") != tid)
                continue;
            record.insert("kind", kind);
            if (eligibleUntil)
                record.insert("eligible_until", *eligibleUntil);
        }
    }

    void stationNames(const QString &code, const QString &zh, const QString &en) {
        m_station.records.append({{"t", "station"}, {"code", code}, {"zh", zh}, {"en", en}});
    }

    // A ticket sold after the list was generated: only its code knows it.
    TicketClaims soldAfterList(const QString &tid, const QString &trn, quint32 car,
                               const QString &seat) {
        TicketClaims claims = claimsFor(tid, trn, car, seat, {});
        claims.iat = m_station.now + 1;
        return claims;
    }

    // The code admits only with the holder's document (K_bind[1]).
    TicketClaims boundTo(TicketClaims claims, const QString &holderIdentity) const {
        claims.bindingKey = 1;
        claims.holderBinding = bindingTag(m_station.bindKey, holderIdentity, claims.tid);
        return claims;
    }

    // The first half of a two-step passage: no decision until the document.
    void showBoundCode(const QString &label, const TicketClaims &claims) {
        m_station.passengers.append(
            QJsonObject{{"label", label},
                        {"kind", "barcode"},
                        {"text", issueTicketCode(claims, m_station.ticketKey)},
                        {"awaits", "holder_document"}});
    }

    void showCode(const QString &label, const TicketClaims &claims, const QString &expect,
                  const SigningKey &key) {
        m_station.passengers.append(QJsonObject{{"label", label},
                                                {"kind", "barcode"},
                                                {"text", issueTicketCode(claims, key)},
                                                {"expect", expect}});
    }
    void showCode(const QString &label, const TicketClaims &claims, const QString &expect) {
        showCode(label, claims, expect, m_station.ticketKey);
    }

    void showCard(const QString &label, const idcard::CardDescription &card,
                  const QString &expect) {
        QString error;
        const auto frame = idcard::encodeReadAnswer(card, idcard::SamCommand::ReadText, &error);
        if (!frame) {
            *m_error = QStringLiteral("%1: %2").arg(label, error);
            return;
        }
        m_station.passengers.append(QJsonObject{{"label", label},
                                                {"kind", "idcard"},
                                                {"frame_hex", QString::fromLatin1(frame->toHex())},
                                                {"expect", expect}});
    }

    void showPassport(const QString &label, const QStringList &mrz, const QString &expect) {
        m_station.passengers.append(QJsonObject{{"label", label},
                                                {"kind", "mrz"},
                                                {"lines", QJsonArray::fromStringList(mrz)},
                                                {"expect", expect}});
    }

    QDate today() const { return m_today; }

private:
    TicketClaims claimsFor(const QString &tid, const QString &trn, quint32 car, const QString &seat,
                           const QString &dep) const {
        const auto [arr, dpt] = m_trains.value(trn);
        TicketClaims claims;
        claims.iss = QStringLiteral("CR");
        claims.iat = m_station.now - day;
        claims.exp = dpt + day;
        claims.tid = tid;
        claims.train = trn;
        claims.dep = dep.isEmpty() ? m_station.station : dep;
        claims.arr = dep.isEmpty() ? arr : m_station.station;
        claims.departure = dpt;
        claims.car = car;
        claims.seat = seat;
        claims.seatClass = QStringLiteral("2");
        claims.maskedName = QStringLiteral("DEMO*");
        return claims;
    }

    DemoStation &m_station;
    QString *m_error;
    QDate m_today;
    QHash<QString, std::pair<QString, qint64>> m_trains;
};

idcard::CardDescription card(DocumentKind kind, const QString &nameZh, const QString &nameEn,
                             const QString &number, QChar sex, const QDate &birth,
                             const QDate &today) {
    idcard::CardDescription card;
    card.kind = kind;
    card.nameZh = nameZh;
    card.nameEn = nameEn;
    card.number = number;
    card.sex = sex;
    card.birth = birth;
    card.validFrom = today.addYears(-2);
    card.validTo = today.addYears(8);
    card.ethnicity = QStringLiteral("01");
    card.address = QStringLiteral("北京市东城区示例路1号");
    card.authority = QStringLiteral("北京市公安局东城分局");
    return card;
}

QByteArray trustList(const SigningKey &key, qint64 now) {
    const QByteArray pub = key.rawPublicKey();
    const QJsonObject entry{{"kid", QString::fromLatin1(eticket::keyIdOf(pub).toBase64())},
                            {"alg", "EdDSA"},
                            {"pub", QString::fromLatin1(pub.toBase64())},
                            {"iss", "CR"},
                            {"nbf", now - 30 * day},
                            {"exp", now + 365 * day},
                            {"status", "active"}};
    return QJsonDocument(QJsonObject{{"format", "gate-keys/1"}, {"keys", QJsonArray{entry}}})
        .toJson(QJsonDocument::Indented);
}

} // namespace

DemoStation buildDemoStation(const QString &station, const QString &gateGroup, qint64 now,
                             QString *error) {
    DemoStation demo;
    demo.station = station;
    demo.gateGroup = gateGroup;
    demo.now = now - now % minute;
    demo.rootKey = SigningKey::generate(SigningKey::Algorithm::Ed25519);
    demo.ticketKey = SigningKey::generate(SigningKey::Algorithm::Ed25519);
    demo.listKey = randomKey();
    demo.bindKey = randomKey();
    demo.keysJson = trustList(demo.ticketKey, demo.now);

    Cast cast(demo, error);
    const QDate today = cast.today();
    cast.train("G101", "AOH", 25 * minute, hour, 5 * minute, {gateGroup, "A2"});
    cast.train("G105", "AOH", 4 * hour, hour, 5 * minute, {gateGroup});
    cast.train("G7", "TJP", 30 * minute, hour, 5 * minute, {"B3"});
    cast.train("G9", "AOH", 50 * minute, hour, 5 * minute, {gateGroup}, "cancelled");
    cast.train("D301", "AOH", 2 * hour, hour, 5 * minute, {"C1"});

    const QString residentNumber = QStringLiteral("11010519491231002X");
    const QString hmtNumber = QStringLiteral("830000199706020042");
    const QString passportNumber = QStringLiteral("DE1234567");
    // Zeros where a camera may read O: the chip tells which reading is true.
    const QString chipPassportNumber = QStringLiteral("C00D2O417");

    const TicketClaims onTime = cast.ticket("E1001", "G101", 5, "12A", "PP:UTO:QR0000001");
    cast.ticket("E1002", "G101", 3, "08F", "ID:" + residentNumber);
    const TicketClaims early = cast.ticket("E1003", "G105", 2, "01A", "PP:UTO:QR0000002");
    cast.ticket("E1004", "G101", 7, "03C", "FPR:PAK310080010103");
    cast.ticket("E1005", "G7", 1, "05D", "PP:UTO:" + passportNumber);
    const TicketClaims refunded =
        cast.ticket("E1006", "G101", 4, "06B", "PP:UTO:QR0000003", "refunded");
    cast.ticket("E1007", "G101", 9, "10B", "HMT:" + hmtNumber);
    const TicketClaims cancelled = cast.ticket("E1008", "G9", 6, "02D", "PP:UTO:QR0000004");
    const TicketClaims inbound =
        cast.ticket("E1009", "D301", 8, "11C", "PP:UTO:QR0000005", "valid", "AOH");
    // A passport with a chip: read and checked where a chip reader is configured.
    cast.ticket("E1015", "G101", 6, "09C", "PP:UTO:" + chipPassportNumber);
    // Codes bound to their holder's document (spec/eticket-qr.md): one listed,
    // shown code first; one sold after the list, shown document first.
    const QString boundHolderNumber = QStringLiteral("110105198503020011");
    const TicketClaims boundCodeFirst =
        cast.boundTo(cast.ticket("E1010", "G101", 2, "07D", "ID:" + boundHolderNumber),
                     "ID:" + boundHolderNumber);
    const QString lateBuyerNumber = QStringLiteral("440304199207150028");
    const TicketClaims boundDocumentFirst =
        cast.boundTo(cast.soldAfterList("E1011", "G101", 2, "08D"), "ID:" + lateBuyerNumber);
    // A parent and a child without a document of their own: two tickets on
    // the parent's card, one party.
    const QString parentNumber = QStringLiteral("310101198807070028");
    cast.ticket("E1012", "G101", 6, "09A", "ID:" + parentNumber);
    cast.ticket("E1013", "G101", 6, "09B", "ID:" + parentNumber);
    cast.setKind("E1013", "child");
    // A student whose yearly discount check ran out yesterday.
    const QString studentNumber = QStringLiteral("320102200309090032");
    cast.ticket("E1014", "G101", 4, "11F", "ID:" + studentNumber);
    cast.setKind("E1014", "student", demo.now - day);
    cast.stationNames("AOH", "上海虹桥", "Shanghai Hongqiao");
    cast.stationNames("TJP", "天津", "Tianjin");

    idcard::CardDescription resident =
        card(DocumentKind::ResidentId, "王示例", {}, residentNumber, 'F', {1949, 12, 31}, today);
    resident.longTerm = true;
    idcard::CardDescription hmt =
        card(DocumentKind::HmtPermit, "陈示例", {}, hmtNumber, 'F', {1997, 6, 2}, today);
    hmt.ethnicity.clear();
    hmt.passNumber = QStringLiteral("H00000001");
    hmt.issueCount = QStringLiteral("01");
    idcard::CardDescription fpr = card(DocumentKind::Fpr2023, "郑样本", "ZHENGJIAN YANGBEN",
                                       "931586198001010028", 'F', {1980, 1, 1}, today);
    fpr.nationality = QStringLiteral("PAK");
    fpr.renewalCount = QStringLiteral("01");
    fpr.previousLink = QStringLiteral("000");
    idcard::CardDescription noTicket = card(DocumentKind::ResidentId, "李示例", {},
                                            "360426199101010071", 'M', {1991, 1, 1}, today);
    const idcard::CardDescription boundHolder =
        card(DocumentKind::ResidentId, "赵示例", {}, boundHolderNumber, 'M', {1985, 3, 2}, today);
    const idcard::CardDescription lateBuyer =
        card(DocumentKind::ResidentId, "孙示例", {}, lateBuyerNumber, 'F', {1992, 7, 15}, today);
    const idcard::CardDescription parent =
        card(DocumentKind::ResidentId, "周示例", {}, parentNumber, 'F', {1988, 7, 7}, today);
    const idcard::CardDescription student =
        card(DocumentKind::ResidentId, "吴示例", {}, studentNumber, 'M', {2003, 9, 9}, today);

    const SigningKey forger = SigningKey::generate(SigningKey::Algorithm::Ed25519);
    cast.showCode("e-ticket, G101 on time", onTime, "ok");
    cast.showCard("resident ID card, G101", resident, "ok");
    cast.showCode("e-ticket, G105 before check-in", early, "too_early");
    cast.showCode("the first e-ticket again", onTime, "already_used");
    cast.showCard("2023 permanent resident card, ticket bought with the 2017 number", fpr, "ok");
    cast.showCode("e-ticket signed by an unknown key", onTime, "ticket_unknown_key", forger);
    cast.showPassport(
        "passport, G7 boards at gate B3",
        passportMrz("UTO", "SPECIMEN<<DEMO", passportNumber, {1990, 1, 1}, 'M', today.addYears(5)),
        "wrong_gate");
    cast.showCode("refunded e-ticket", refunded, "ticket_refunded");
    cast.showCard("Hong Kong/Macau/Taiwan residence permit, G101", hmt, "ok");
    cast.showPassport("ICAO specimen passport, expired in 2012",
                      {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                       "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
                      "document_expired");
    cast.showCode("e-ticket for a cancelled train", cancelled, "train_cancelled");
    cast.showCard("resident ID card without a ticket", noTicket, "no_ticket");
    cast.showCode("e-ticket of an arriving train", inbound, "wrong_station");
    cast.showBoundCode("e-ticket bound to its holder, G101", boundCodeFirst);
    cast.showCard("then the holder's resident ID card", boundHolder, "ok");
    cast.showCard("resident ID card of a ticket bought after the list", lateBuyer, "no_ticket");
    cast.showCode("then the e-ticket bound to that card, G101", boundDocumentFirst, "ok");
    cast.showCard("resident ID card of a parent with a child, G101: 2 passengers", parent, "ok");
    cast.showCard("resident ID card of a student whose discount check ran out", student,
                  "discount_check_required");
    // Where a chip reader is configured, its chip is read and checked too.
    const QStringList chipMrz =
        passportMrz("UTO", "CHIP<<DEMO", chipPassportNumber, {1988, 8, 8}, 'F', today.addYears(4));
    cast.showPassport("passport with a chip, G101", chipMrz, "ok");
    demo.chipMrz = chipMrz;
    return demo;
}

} // namespace gate::issuer
