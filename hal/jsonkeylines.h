#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringView>

#include <optional>

namespace gate::hal {

// Where the keys of a JSON configuration file are, so that an error names the
// line to fix: "gate.json:14: devices[1].settings.fps: must be between ...".
// QJsonDocument keeps no positions, so the text itself is scanned, following
// JSON's grammar (strings and their escapes, nesting, array indices), when a
// line is asked for: nothing is kept but the text. A key repeated in one
// object is found at its last place, the one QJsonDocument keeps.
class JsonKeyLines {
public:
    // Deeper nesting or a larger text is not scanned: no line is found.
    static constexpr int maxDepth = 64;
    static constexpr qsizetype maxBytes = 1 << 20;

    JsonKeyLines() = default;
    explicit JsonKeyLines(QByteArray text);

    // The 1-based line of a dotted key path ("devices[1].settings.fps"; ""
    // is the document). A path the text lacks gives the line of the deepest
    // part it has: a missing key, the object that lacks it. 0 when the text
    // is not JSON within the limits.
    int lineOf(QStringView path) const;

    // "FILE:LINE: dotted.key: problem" of an error that starts with a dotted
    // key ("dotted.key: problem"); "FILE: error" of any other.
    QString place(const QString &file, const QString &error) const;

    // Whether `error` starts with a dotted key followed by ": ".
    static bool namesKey(QStringView error);

private:
    QByteArray m_text;
};

// The document of a configuration file's text, or nothing with
// "FILE:LINE:COLUMN: not valid JSON: reason" in `error`: an offset means
// nothing to a person editing the file.
std::optional<QJsonDocument> parseJsonFile(const QByteArray &text, const QString &file,
                                           QString *error);

} // namespace gate::hal
