#include "core/credentials/idcard/idcardreading.h"

#include "core/credentials/idcard/cardanswer.h"
#include "core/credentials/idcard/textblock.h"

namespace gate::idcard {

namespace {

QString isoDate(const QDate &date) {
    return date.toString(Qt::ISODate);
}

void insertUnlessEmpty(QJsonObject &object, const char *key, const QString &value) {
    if (!value.isEmpty())
        object.insert(QLatin1String(key), value);
}

} // namespace

IdCardReading readIdCardAnswer(QByteArrayView frame) {
    const CardAnswerParse parsed = parseCardAnswer(frame);
    if (parsed.error)
        return {.error = parsed.error};
    std::optional<IdentityDocument> document = parseTextBlock(parsed.answer->text);
    if (!document)
        return {.error = FrameError{FrameError::Kind::BadText}};
    return {.document = std::move(document)};
}

QJsonObject toJson(const IdCardReading &reading) {
    if (!reading.document)
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), reading.error->code()}};
    const IdentityDocument &document = *reading.document;
    QJsonObject object{{QStringLiteral("ok"), true},
                       {QStringLiteral("card"), toString(document.kind)},
                       {QStringLiteral("number"), document.number},
                       {QStringLiteral("number_valid"), document.numberValid}};
    insertUnlessEmpty(object, "name_zh", document.nameLocal);
    insertUnlessEmpty(object, "name_en", document.nameLatin);
    if (!document.sex.isNull())
        object.insert(QStringLiteral("sex"), QString(document.sex));
    insertUnlessEmpty(object, "nationality", document.nationality);
    object.insert(QStringLiteral("birth"), isoDate(document.birth));
    object.insert(QStringLiteral("valid_from"), isoDate(document.validFrom));
    object.insert(QStringLiteral("valid_to"), document.longTermValidity
                                                  ? QStringLiteral("long-term")
                                                  : isoDate(document.validTo));
    insertUnlessEmpty(object, "previous_number", document.previousNumber);
    return object;
}

} // namespace gate::idcard

namespace gate {

Credential credentialFromIdCardAnswer(const QByteArray &frame) {
    idcard::IdCardReading reading = idcard::readIdCardAnswer(frame);
    if (!reading.document)
        return Credential::failed(Reason::CardUnreadable);
    if (!reading.document->numberValid)
        return Credential::failed(Reason::CardNumberInvalid);
    return Credential::fromDocument(std::move(*reading.document));
}

} // namespace gate
