#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gate {

// Reads one JSON object of a configuration file or of a device's settings,
// and collects every problem with the dotted path of the key at fault
// ("tickets.stale_grace_s: must be a whole number >= 0"), so that an
// integrator sees all mistakes at once. The one settings reader of the gate,
// its plugins and its tools: one wording, unknown keys refused. Whoever
// holds the file's text adds the file and the key's line
// (hal/jsonkeylines.h): "gate.json:12: tickets.stale_grace_s: ...".
class JsonFields {
public:
    JsonFields(const QJsonObject &object, QString path, QStringList *errors);

    // Reports keys that are not in `known`: a misspelt key must not be ignored.
    void rejectUnknown(const QStringList &known) const;

    QString string(const QString &key, const QString &fallback = {}) const;
    QString requiredString(const QString &key) const;
    // A string matching `pattern` (a full-match regular expression); `what` says what is expected.
    QString matching(const QString &key, const QString &pattern, const QString &what,
                     const QString &fallback = {}) const;
    QString oneOf(const QString &key, const QStringList &choices, const QString &fallback) const;
    // One of `names` (a table indexed by the enum's value), as the enum: a
    // choice of the file is an enum from the moment it is read.
    template <typename Enum, std::size_t N>
    Enum choice(const QString &key, const std::array<std::string_view, N> &names,
                Enum fallback) const {
        QStringList choices;
        for (const std::string_view name : names)
            choices << QString::fromLatin1(name.data(), qsizetype(name.size()));
        const QString chosen = oneOf(key, choices, choices.at(qsizetype(fallback)));
        return Enum(choices.indexOf(chosen));
    }
    qint64 integer(const QString &key, qint64 fallback, qint64 min, qint64 max) const;
    bool boolean(const QString &key, bool fallback) const;
    QJsonObject object(const QString &key) const;
    QJsonArray array(const QString &key) const;
    bool has(const QString &key) const { return m_object.contains(key); }

    JsonFields child(const QString &key) const;
    QString pathOf(const QString &key) const;
    void error(const QString &key, const QString &problem) const;

private:
    QJsonObject m_object;
    QString m_path;
    QStringList *m_errors;
};

} // namespace gate
