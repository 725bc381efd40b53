#include "hal/jsonkeylines.h"

#include <QByteArrayView>
#include <QJsonParseError>
#include <QList>

#include <cctype>

namespace gate::hal {

namespace {

// One step of a dotted key path: a key of an object, or an index of a list.
struct PathStep {
    QStringView key;
    qsizetype index = -1; // >= 0: an element of a list
};

// The value of a hexadecimal digit, -1 for any other character.
int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A key may hold anything but what separates the steps of a path and the
// path from its problem; a space ends it too, so that a sentence before a
// colon ("ticket store /var/db: ...") is not taken for a key.
bool isKeyCharacter(QChar c) {
    return !c.isSpace() && c != u'.' && c != u'[' && c != u']' && c != u':' && c != u'/';
}

// "devices[1].settings.fps" as devices, [1], settings, fps; nothing when
// `path` is not such a path (a sentence, a file name with a colon).
std::optional<QList<PathStep>> splitPath(QStringView path) {
    QList<PathStep> steps;
    qsizetype at = 0;
    while (at < path.size()) {
        if (!steps.isEmpty()) {
            if (path[at] != u'.')
                return std::nullopt;
            ++at;
        }
        const qsizetype keyStart = at;
        while (at < path.size() && isKeyCharacter(path[at]))
            ++at;
        if (at == keyStart)
            return std::nullopt;
        steps.append({path.sliced(keyStart, at - keyStart)});
        while (at < path.size() && path[at] == u'[') {
            const qsizetype digitsStart = ++at;
            while (at < path.size() && path[at].isDigit())
                ++at;
            bool ok = false;
            const qsizetype index = path.sliced(digitsStart, at - digitsStart).toLongLong(&ok);
            if (!ok || at == path.size() || path[at] != u']')
                return std::nullopt;
            ++at;
            steps.append({{}, index});
        }
    }
    if (steps.isEmpty())
        return std::nullopt;
    return steps;
}

// A place in the text, and the line it is on. Copied to come back to a value.
class Cursor {
public:
    explicit Cursor(QByteArrayView text)
        : m_text(text) {}

    int line() const { return m_line; }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++m_pos;
        }
    }

    // Skips spaces, then `c` when it is next.
    bool take(char c) {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // The string that starts here, its escapes decoded.
    std::optional<QString> string() {
        if (!take('"'))
            return std::nullopt;
        QString decoded;
        qsizetype runStart = m_pos;
        const auto flushRun = [&] {
            decoded += QString::fromUtf8(m_text.sliced(runStart, m_pos - runStart));
        };
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                flushRun();
                ++m_pos;
                return decoded;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return std::nullopt; // JSON has no raw control characters in strings
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flushRun();
            if (!escape(&decoded))
                return std::nullopt;
            runStart = m_pos;
        }
        return std::nullopt;
    }

    // Skips the value that starts here; `depth` is the nesting it is at.
    bool skipValue(int depth) {
        skipSpace();
        switch (peek()) {
        case '"':
            return string().has_value();
        case '{':
            return skipContainer(depth, '}', true);
        case '[':
            return skipContainer(depth, ']', false);
        default:
            return skipScalar();
        }
    }

private:
    // After a backslash: appends what the escape stands for.
    bool escape(QString *decoded) {
        ++m_pos;
        const char c = peek();
        ++m_pos;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            *decoded += QLatin1Char(c);
            return true;
        case 'b':
            *decoded += u'\b';
            return true;
        case 'f':
            *decoded += u'\f';
            return true;
        case 'n':
            *decoded += u'\n';
            return true;
        case 'r':
            *decoded += u'\r';
            return true;
        case 't':
            *decoded += u'\t';
            return true;
        case 'u': {
            // A surrogate pair is two escapes: their UTF-16 units join in the QString.
            char16_t unit = 0;
            for (int digit = 0; digit < 4; ++digit, ++m_pos) {
                const int value = hexDigit(peek());
                if (value < 0)
                    return false;
                unit = char16_t(unit << 4 | value);
            }
            *decoded += QChar(unit);
            return true;
        }
        default:
            return false;
        }
    }

    bool skipContainer(int depth, char close, bool members) {
        if (depth > JsonKeyLines::maxDepth)
            return false;
        ++m_pos;
        if (take(close))
            return true;
        do {
            if (members && !(string() && take(':')))
                return false;
            if (!skipValue(depth + 1))
                return false;
        } while (take(','));
        return take(close);
    }

    // A number, true, false or null.
    bool skipScalar() {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.'))
                break;
            ++m_pos;
        }
        return m_pos > start;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace

JsonKeyLines::JsonKeyLines(QByteArray text)
    : m_text(std::move(text)) {}

int JsonKeyLines::lineOf(QStringView path) const {
    if (m_text.size() > maxBytes)
        return 0;
    const std::optional<QList<PathStep>> steps =
        path.isEmpty() ? std::optional(QList<PathStep>()) : splitPath(path);
    if (!steps)
        return 0;
    Cursor cursor(m_text);
    cursor.skipSpace();
    if (cursor.peek() == '\0')
        return 0;
    int line = cursor.line();
    int depth = 1;
    for (const PathStep &step : *steps) {
        if (depth > maxDepth)
            return line;
        const bool isKey = step.index < 0;
        if (!cursor.take(isKey ? '{' : '['))
            return line;
        if (cursor.take(isKey ? '}' : ']'))
            return line; // empty: the step is not there
        std::optional<Cursor> found;
        int foundLine = 0;
        for (qsizetype index = 0;; ++index) {
            cursor.skipSpace();
            const int here = cursor.line();
            if (isKey) {
                const std::optional<QString> key = cursor.string();
                if (!key || !cursor.take(':'))
                    return line;
                cursor.skipSpace();
                if (*key == step.key) { // the last of repeated keys counts, as in QJsonDocument
                    found = cursor;
                    foundLine = here;
                }
            } else if (index == step.index) {
                found = cursor;
                foundLine = here;
                break;
            }
            if (!cursor.skipValue(depth + 1) || !cursor.take(','))
                break;
        }
        if (!found)
            return line;
        cursor = *found;
        line = foundLine;
        ++depth;
    }
    return line;
}

bool JsonKeyLines::namesKey(QStringView error) {
    const qsizetype colon = error.indexOf(u": ");
    return colon > 0 && splitPath(error.first(colon)).has_value();
}

QString JsonKeyLines::place(const QString &file, const QString &error) const {
    const int line = namesKey(error) ? lineOf(QStringView(error).first(error.indexOf(u": "))) : 0;
    if (line == 0)
        return QStringLiteral("%1: %2").arg(file, error);
    return QStringLiteral("%1:%2: %3").arg(file, QString::number(line), error);
}

std::optional<QJsonDocument> parseJsonFile(const QByteArray &text, const QString &file,
                                           QString *error) {
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return document;
    const QByteArrayView before =
        QByteArrayView(text).first(qBound(qsizetype(0), qsizetype(parseError.offset), text.size()));
    const int line = int(before.count('\n')) + 1;
    const int column = int(parseError.offset - before.lastIndexOf('\n'));
    *error =
        QStringLiteral("%1:%2:%3: not valid JSON: %4")
            .arg(file, QString::number(line), QString::number(column), parseError.errorString());
    return std::nullopt;
}

} // namespace gate::hal
