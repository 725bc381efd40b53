// The key locator scans configuration text that a person typed: any bytes,
// as a path to look for (the first line) and a text to look in (the rest),
// give a line or none, never a crash, a hang or a deep recursion.
#include "hal/jsonkeylines.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    using gate::hal::JsonKeyLines;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString path = QString::fromUtf8(newline < 0 ? QByteArray() : input.left(newline));
    const QByteArray text = newline < 0 ? input : input.mid(newline + 1);
    const JsonKeyLines lines(text);
    lines.lineOf(path);
    lines.place(QStringLiteral("gate.json"), path + QStringLiteral(": a problem"));
    QString error;
    gate::hal::parseJsonFile(text, QStringLiteral("gate.json"), &error);
    return 0;
}
