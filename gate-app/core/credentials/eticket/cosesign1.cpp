#include "core/credentials/eticket/cosesign1.h"

namespace gate::eticket {

namespace {

std::nullopt_t refuse(QString *error, const QString &message) {
    if (error)
        *error = message;
    return std::nullopt;
}

void appendHead(QByteArray &out, int major, quint64 argument) {
    const char type = char(major << 5);
    if (argument < 24) {
        out.append(char(type | char(argument)));
        return;
    }
    int width = 8;
    char additional = 27;
    if (argument <= 0xFF) {
        width = 1;
        additional = 24;
    } else if (argument <= 0xFFFF) {
        width = 2;
        additional = 25;
    } else if (argument <= 0xFFFFFFFFu) {
        width = 4;
        additional = 26;
    }
    out.append(char(type | additional));
    for (int shift = (width - 1) * 8; shift >= 0; shift -= 8)
        out.append(char((argument >> shift) & 0xFF));
}

void appendBytes(QByteArray &out, QByteArrayView bytes) {
    appendHead(out, 2, quint64(bytes.size()));
    out.append(bytes);
}

} // namespace

std::optional<CoseSign1> parseCoseSign1(QByteArrayView bytes, QString *error) {
    QString cborError;
    std::optional<CborItem> top = parseCbor(bytes, &cborError);
    if (!top)
        return refuse(error, QStringLiteral("COSE: %1").arg(cborError));
    const CborItem *envelope = &*top;
    if (envelope->type == CborItem::Type::Tag) {
        if (envelope->number != coseSign1Tag)
            return refuse(error,
                          QStringLiteral("COSE: tag %1 instead of 18").arg(envelope->number));
        envelope = &envelope->items.front();
    }
    if (envelope->type != CborItem::Type::Array || envelope->items.size() != 4)
        return refuse(error, QStringLiteral("COSE: not an array of four elements"));
    const CborItem &protectedItem = envelope->items[0];
    const CborItem &unprotected = envelope->items[1];
    const CborItem &payload = envelope->items[2];
    const CborItem &signature = envelope->items[3];
    if (protectedItem.type != CborItem::Type::Bytes || unprotected.type != CborItem::Type::Map ||
        payload.type != CborItem::Type::Bytes || signature.type != CborItem::Type::Bytes)
        return refuse(error, QStringLiteral("COSE: element types are not bstr, map, bstr, bstr"));
    if (!unprotected.items.empty())
        return refuse(error, QStringLiteral("COSE: the unprotected header is not empty"));
    if (signature.bytes.size() != coseSignatureSize)
        return refuse(error, QStringLiteral("COSE: signature is not 64 bytes"));

    CoseSign1 cose;
    cose.protectedHeader = protectedItem.bytes;
    cose.payload = payload.bytes;
    cose.signature = signature.bytes;
    const std::optional<CborItem> header = parseCbor(cose.protectedHeader, &cborError);
    if (!header || header->type != CborItem::Type::Map)
        return refuse(error,
                      QStringLiteral("COSE: protected header is not a CBOR map %1").arg(cborError));
    const CborItem *alg = header->value(coseHeaderAlg);
    const CborItem *kid = header->value(coseHeaderKid);
    if (!alg || !alg->toInt64())
        return refuse(error, QStringLiteral("COSE: protected header has no integer alg"));
    if (!kid || kid->type != CborItem::Type::Bytes || kid->bytes.size() != kidSize)
        return refuse(error, QStringLiteral("COSE: protected header has no 8-byte kid"));
    cose.alg = *alg->toInt64();
    cose.kid = kid->bytes;
    std::optional<CborItem> claims = parseCbor(cose.payload, &cborError);
    if (!claims || claims->type != CborItem::Type::Map)
        return refuse(error, QStringLiteral("COSE: payload is not a CBOR map %1").arg(cborError));
    cose.claims = std::move(*claims);
    return cose;
}

QByteArray signatureInput(QByteArrayView protectedHeader, QByteArrayView payload) {
    QByteArray out;
    out.reserve(protectedHeader.size() + payload.size() + 24);
    appendHead(out, 4, 4);
    const QByteArrayView context("Signature1");
    appendHead(out, 3, quint64(context.size()));
    out.append(context);
    appendBytes(out, protectedHeader);
    appendBytes(out, {});
    appendBytes(out, payload);
    return out;
}

} // namespace gate::eticket
