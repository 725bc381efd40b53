// Every reason code with its two passenger messages in every language of the
// screen (English first, then gate::kLanguages' order) against a golden file
// (tests/ui/reason-messages.golden), and every code documented in
// docs/reason-codes.md. A new reason without its translations, a changed text
// or an undocumented code fails here. With GATE_UPDATE_GOLDEN=1 the test
// writes the golden file instead.
#include "core/language.h"
#include "core/reason.h"
#include "ui/languageswitcher.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

const QString kGolden = QStringLiteral(GATE_SOURCE_DIR "/tests/ui/reason-messages.golden");

QString code(const gate::ReasonEntry &entry) {
    return QString::fromLatin1(entry.code.data(), qsizetype(entry.code.size()));
}

} // namespace

class ReasonCodesTest : public QObject {
    Q_OBJECT

private:
    // One per language; English's stays empty, the source is its text.
    std::array<QTranslator, gate::kLanguages.size()> m_catalogues;

    QString translated(gate::Language language, const char *english) const {
        if (language == gate::Language::English)
            return QString::fromUtf8(english);
        return m_catalogues[std::size_t(language)].translate("gate::Reason", english);
    }

    static QList<gate::Language> translatedLanguages() {
        QList<gate::Language> languages;
        for (const gate::LanguageEntry &entry : gate::kLanguages) {
            if (entry.language != gate::Language::English)
                languages << entry.language;
        }
        return languages;
    }

    // "code\tEnglish headline\tEnglish advice\tChinese headline\tChinese advice\t..."
    QStringList lines() const {
        QStringList out;
        for (const gate::ReasonEntry &entry : gate::kReasons) {
            QStringList columns{code(entry)};
            for (const gate::Language language :
                 QList{gate::Language::English} + translatedLanguages())
                columns << translated(language, entry.headline)
                        << translated(language, entry.advice);
            out.append(columns.join(u'\t'));
        }
        return out;
    }

private slots:
    void initTestCase() {
        for (const gate::Language language : translatedLanguages())
            QVERIFY2(gate::ui::LanguageSwitcher::loadCatalogue(m_catalogues[std::size_t(language)],
                                                               language),
                     qPrintable(gate::toString(language)));
    }

    void everyMessageIsTranslated() {
        for (const gate::Language language : translatedLanguages()) {
            for (const gate::ReasonEntry &entry : gate::kReasons) {
                QVERIFY2(!translated(language, entry.headline).isEmpty(),
                         qPrintable(gate::toString(language) + u": "_s + entry.headline));
                QVERIFY2(!translated(language, entry.advice).isEmpty(),
                         qPrintable(gate::toString(language) + u": "_s + entry.advice));
            }
        }
    }

    void codesAreUnique() {
        QSet<QString> seen;
        for (const gate::ReasonEntry &entry : gate::kReasons) {
            QVERIFY2(!seen.contains(code(entry)), entry.code.data());
            seen.insert(code(entry));
            QCOMPARE(gate::reasonFromCode(code(entry)), std::optional(entry.reason));
        }
        QCOMPARE(gate::reasonFromCode(u"no_such_reason"_s), std::nullopt);
    }

    void messagesMatchTheGoldenFile() {
        const QByteArray actual = lines().join(u'\n').toUtf8() + '\n';
        QFile golden(kGolden);
        if (qEnvironmentVariableIntValue("GATE_UPDATE_GOLDEN")) {
            QVERIFY(golden.open(QIODevice::WriteOnly));
            golden.write(actual);
            QSKIP("golden file written");
        }
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(kGolden));
        const QStringList expected = QString::fromUtf8(golden.readAll()).split(u'\n');
        const QStringList got = QString::fromUtf8(actual).split(u'\n');
        for (qsizetype i = 0; i < std::max(expected.size(), got.size()); ++i)
            QCOMPARE(got.value(i), expected.value(i));
    }

    void everyCodeIsDocumented() {
        QFile docs(QStringLiteral(GATE_SOURCE_DIR "/docs/reason-codes.md"));
        QVERIFY(docs.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(docs.readAll());
        for (const gate::ReasonEntry &entry : gate::kReasons) {
            const QRegularExpression row(u"^\\| `"_s + QRegularExpression::escape(code(entry)) +
                                             u"` \\|"_s,
                                         QRegularExpression::MultilineOption);
            QVERIFY2(row.match(text).hasMatch(),
                     qPrintable(u"docs/reason-codes.md has no row for "_s + code(entry)));
        }
    }
};

QTEST_GUILESS_MAIN(ReasonCodesTest)
#include "tst_reasoncodes.moc"
