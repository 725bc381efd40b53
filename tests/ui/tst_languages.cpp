// The screen's languages: their codes, the language a document's nationality
// picks, and catalogues that hold every text a passenger can see. lupdate
// extracts gate-app's texts as the sources have them now (not as the
// catalogues last saw them), and every catalogue must hold each passenger
// text, finished, in its .ts and in the .qm built into the application: a new
// message cannot ship untranslated. Chinese, which staff read too, must also
// hold the service mode's texts.
#include "core/credentials/identitydocument.h"
#include "core/language.h"
#include "ui/languageswitcher.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using gate::Language;

namespace {

// The service mode's contexts: staff, not passengers, read them.
const QStringList kStaffContexts{u"Keypad"_s, u"LockedOutPanel"_s, u"ServicePanel"_s};

struct CatalogueText {
    QString translation;
    QString type; // "unfinished", "vanished", "obsolete" or empty when finished
};

// (context, source) -> its translation, from a .ts file.
using Catalogue = QHash<std::pair<QString, QString>, CatalogueText>;

std::optional<Catalogue> readTs(const QString &path, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return std::nullopt;
    }
    Catalogue catalogue;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"source")
            source = xml.readElementText();
        else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            catalogue.insert({context, source}, {xml.readElementText(), type});
        }
    }
    if (xml.hasError()) {
        *error = path + u": "_s + xml.errorString();
        return std::nullopt;
    }
    return catalogue;
}

QString tsPath(Language language) {
    const std::string_view locale = gate::languageEntry(language).catalogue;
    return QStringLiteral(GATE_SOURCE_DIR "/gate-app/ui/i18n/station-gate_%1.ts")
        .arg(QLatin1StringView(locale.data(), qsizetype(locale.size())));
}

} // namespace

class LanguagesTest : public QObject {
    Q_OBJECT

private:
    Catalogue m_sources; // every text of gate-app, as lupdate finds it now

private slots:
    void initTestCase() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString extracted = dir.filePath(u"sources.ts"_s);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(GATE_SOURCE_DIR));
        lupdate.start(QStringLiteral(GATE_LUPDATE),
                      {u"-locations"_s, u"none"_s, u"-extensions"_s, u"cpp,h,qml"_s, u"gate-app"_s,
                       u"-ts"_s, extracted});
        QVERIFY2(lupdate.waitForFinished(60000), GATE_LUPDATE);
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        QString error;
        const auto sources = readTs(extracted, &error);
        QVERIFY2(sources, qPrintable(error));
        m_sources = *sources;
        // The screens' texts and the reasons' are there: the extraction worked.
        QVERIFY(m_sources.contains({u"IdleScreen"_s, u"Please present your ticket or ID"_s}));
        QVERIFY(m_sources.contains({u"gate::Reason"_s, u"Please pass"_s}));
    }

    void everyCatalogueHoldsEveryPassengerText_data() {
        QTest::addColumn<Language>("language");
        for (const gate::LanguageEntry &entry : gate::kLanguages) {
            if (entry.language != Language::English)
                QTest::newRow(entry.code.data()) << entry.language;
        }
    }

    void everyCatalogueHoldsEveryPassengerText() {
        QFETCH(Language, language);
        QString error;
        const auto catalogue = readTs(tsPath(language), &error);
        QVERIFY2(catalogue, qPrintable(error));
        QTranslator built;
        QVERIFY(gate::ui::LanguageSwitcher::loadCatalogue(built, language));

        QStringList missing;
        for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it) {
            const auto &[context, source] = it.key();
            if (language != Language::Chinese && kStaffContexts.contains(context))
                continue;
            const CatalogueText text = catalogue->value(it.key());
            if (text.translation.isEmpty() || !text.type.isEmpty())
                missing << context + u": "_s + source + u" ("_s +
                               (text.type.isEmpty() ? u"missing"_s : text.type) + u')';
            else if (built.translate(context.toUtf8().constData(), source.toUtf8().constData())
                         .isEmpty())
                missing << context + u": "_s + source + u" (not in the built catalogue)"_s;
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(),
                 qPrintable(tsPath(language) + u" lacks:\n"_s + missing.join(u'\n')));
    }

    void codesNameTheLanguages() {
        for (const gate::LanguageEntry &entry : gate::kLanguages)
            QCOMPARE(gate::languageFromCode(gate::toString(entry.language)),
                     std::optional(entry.language));
        QCOMPARE(gate::toString(Language::Korean), u"ko"_s);
        QCOMPARE(gate::languageFromCode(u"kr"_s), std::nullopt);
        QCOMPARE(gate::languageFromCode(u"zh_CN"_s), std::nullopt);
        QCOMPARE(gate::languageFromCatalogue(u"ja_JP"_s), std::optional(Language::Japanese));
        QCOMPARE(gate::languageFromCatalogue(QString()), std::optional(Language::English));
    }

    void theNationalityPicksTheLanguage_data() {
        QTest::addColumn<QString>("nationality");
        QTest::addColumn<Language>("language");
        QTest::newRow("China") << u"CHN"_s << Language::Chinese;
        QTest::newRow("Hong Kong") << u"HKG"_s << Language::Chinese;
        QTest::newRow("Macau") << u"MAC"_s << Language::Chinese;
        QTest::newRow("Taiwan") << u"TWN"_s << Language::Chinese;
        QTest::newRow("Korea") << u"KOR"_s << Language::Korean;
        QTest::newRow("Japan") << u"JPN"_s << Language::Japanese;
        QTest::newRow("Russia") << u"RUS"_s << Language::Russian;
        QTest::newRow("Kazakhstan") << u"KAZ"_s << Language::Russian;
        QTest::newRow("Germany, as the MRZ writes it") << u"D<<"_s << Language::English;
        QTest::newRow("Pakistan") << u"PAK"_s << Language::English;
        QTest::newRow("lower case is no code") << u"kor"_s << Language::English;
        QTest::newRow("empty") << QString() << Language::English;
    }

    void theNationalityPicksTheLanguage() {
        QFETCH(QString, nationality);
        QFETCH(Language, language);
        QCOMPARE(gate::toString(gate::languageForNationality(nationality)),
                 gate::toString(language));
    }

    // Passports and foreigners' cards speak for their holder; the Chinese
    // cards leave the station's language.
    void aDocumentGivesItsHoldersLanguage() {
        gate::IdentityDocument document;
        document.nationality = u"KOR"_s;
        for (const gate::DocumentKind kind :
             {gate::DocumentKind::Mrz, gate::DocumentKind::Fpr2017, gate::DocumentKind::Fpr2023}) {
            document.kind = kind;
            QCOMPARE(document.holderLanguage(), std::optional(Language::Korean));
        }
        document.nationality = u"CHN"_s;
        document.kind = gate::DocumentKind::Mrz;
        QCOMPARE(document.holderLanguage(), std::optional(Language::Chinese));
        for (const gate::DocumentKind kind :
             {gate::DocumentKind::ResidentId, gate::DocumentKind::HmtPermit}) {
            document.kind = kind;
            QCOMPARE(document.holderLanguage(), std::nullopt);
        }
    }
};

QTEST_GUILESS_MAIN(LanguagesTest)
#include "tst_languages.moc"
