// The line of every dotted key path in a configuration's text, and the place
// ("FILE:LINE: key: problem") an error of the readers is printed at.
#include "hal/jsonkeylines.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using gate::hal::JsonKeyLines;

namespace {

// Escapes in keys and values (a quote, a backslash, \u escapes), a key
// repeated at different depths, lists of objects, and a key repeated in one
// object (the last one counts, as in QJsonDocument).
// (Not a raw string literal: moc would not see the test class after one.)
const QByteArray kText = "{\n"
                         "  \"gate\": {\n"
                         "    \"id\": \"A \\\"quoted\\\" \\\\ id: {not [an] object}\",\n"
                         "    \"station\": \"VNP\"\n"
                         "  },\n"
                         "  \"id\": 7,\n"
                         "  \"devices\": [\n"
                         "    {\n"
                         "      \"name\": \"lane\",\n"
                         "      \"settings\": {\"url\": \"tcp://x\", \"id\": \"inner\"}\n"
                         "    },\n"
                         "    {\"name\": \"camera\",\n"
                         "     \"settings\": {\n"
                         "       \"fps\": 500,\n"
                         "       \"tags\": [1, [2, {\"id\": 3}],\n"
                         "                \"four\"]\n"
                         "     }\n"
                         "    }\n"
                         "  ],\n"
                         "  \"ke\\\"y\": 1,\n"
                         "  \"caf\\u00e9\": 2,\n"
                         "  \"dup\": 1,\n"
                         "  \"ui\": {},\n"
                         "  \"dup\": {\n"
                         "    \"twice\": true\n"
                         "  }\n"
                         "}";

} // namespace

class JsonKeyLinesTest : public QObject {
    Q_OBJECT

private slots:
    void findsTheLineOfEveryKeyPath_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::newRow("document") << QString() << 1;
        QTest::newRow("object") << "gate" << 2;
        QTest::newRow("escaped value does not open anything") << "gate.station" << 4;
        QTest::newRow("key of the same name, top") << "id" << 6;
        QTest::newRow("key of the same name, nested") << "gate.id" << 3;
        QTest::newRow("key of the same name, in a list") << "devices[0].settings.id" << 10;
        QTest::newRow("list") << "devices" << 7;
        QTest::newRow("element") << "devices[0]" << 8;
        QTest::newRow("element on its key's line") << "devices[1]" << 12;
        QTest::newRow("in the second element") << "devices[1].settings.fps" << 14;
        QTest::newRow("nested list element") << "devices[1].settings.tags[1][1].id" << 15;
        QTest::newRow("element on a later line") << "devices[1].settings.tags[2]" << 16;
        QTest::newRow("escaped quote in a key") << "ke\"y" << 20;
        QTest::newRow("unicode escape in a key") << QStringLiteral("caf\u00e9") << 21;
        QTest::newRow("repeated key: the last") << "dup" << 24;
        QTest::newRow("inside the last of a repeated key") << "dup.twice" << 25;
        // An error about a missing key names the object that lacks it.
        QTest::newRow("missing at the top") << "tickets" << 1;
        QTest::newRow("missing in an object") << "gate.gate_group" << 2;
        QTest::newRow("missing in an element") << "devices[0].plugin" << 8;
        QTest::newRow("missing in an empty object") << "ui.language" << 23;
        QTest::newRow("index past the end") << "devices[2].name" << 7;
        QTest::newRow("a key of a number") << "id.x" << 6;
        QTest::newRow("an index of an object") << "gate[0]" << 2;
    }
    void findsTheLineOfEveryKeyPath() {
        QFETCH(QString, path);
        QFETCH(int, line);
        QCOMPARE(JsonKeyLines(kText).lineOf(path), line);
    }

    // The reader sees the last of a repeated key: the line must be its.
    void theDocumentKeepsTheLastOfARepeatedKey() {
        QVERIFY(QJsonDocument::fromJson(kText).object().value(u"dup").isObject());
    }

    void placesErrorsInTheFile_data() {
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("placed");
        QTest::newRow("a key") << "devices[1].settings.fps: must be between 1 and 120 (got 500)"
                               << "gate.json:14: devices[1].settings.fps: must be between 1 and "
                                  "120 (got 500)";
        QTest::newRow("a missing key") << "gate.gate_group: is required"
                                       << "gate.json:2: gate.gate_group: is required";
        QTest::newRow("not a key") << "the configuration must be a JSON object"
                                   << "gate.json: the configuration must be a JSON object";
        QTest::newRow("a sentence before the colon")
            << "ticket store /var/db: cannot open"
            << "gate.json: ticket store /var/db: cannot open";
        QTest::newRow("a broken index") << "devices[x]: bad"
                                        << "gate.json: devices[x]: bad";
    }
    void placesErrorsInTheFile() {
        QFETCH(QString, error);
        QFETCH(QString, placed);
        QCOMPARE(JsonKeyLines(kText).place(QStringLiteral("gate.json"), error), placed);
    }

    void namesKeyOnlyOfADottedPath() {
        QVERIFY(JsonKeyLines::namesKey(u"log_sync.tls.ca_file: cannot read"));
        QVERIFY(JsonKeyLines::namesKey(u"service.staff[0].pin_hash: weak"));
        QVERIFY(!JsonKeyLines::namesKey(u"/etc/gate.json: cannot read"));
        QVERIFY(!JsonKeyLines::namesKey(u"gate.json:3: gate.id: bad"));
        QVERIFY(!JsonKeyLines::namesKey(u"the touchscreen did not load: no window"));
        QVERIFY(!JsonKeyLines::namesKey(u"no colon at all"));
    }

    // Malformed text, a text past the limits: no line, and no crash.
    void findsNoLineOutsideTheLimits() {
        QCOMPARE(JsonKeyLines(QByteArray()).lineOf(u"gate"), 0);
        QCOMPARE(JsonKeyLines("   \n  ").lineOf(u"gate"), 0);
        QCOMPARE(JsonKeyLines("{\"gate\": \"open").lineOf(u"gate.id"), 1);
        const QByteArray deep = QByteArray(JsonKeyLines::maxDepth + 10, '[') + "1" +
                                QByteArray(JsonKeyLines::maxDepth + 10, ']');
        QString deepPath = QStringLiteral("x");
        for (int i = 0; i < JsonKeyLines::maxDepth + 5; ++i)
            deepPath += QStringLiteral("[0]");
        QVERIFY(JsonKeyLines("{\"x\":\n" + deep + "}").lineOf(deepPath) <= 2);
        QByteArray huge = "{\n\"a\": \"" + QByteArray(JsonKeyLines::maxBytes, 'x') + "\"}";
        QCOMPARE(JsonKeyLines(huge).lineOf(u"a"), 0);
    }

    // A missing comma: the line of the key after it, and the column where
    // QJsonDocument stopped reading (just past that key's opening quote).
    void malformedTextGivesLineAndColumn() {
        QString error;
        QVERIFY(!gate::hal::parseJsonFile(
            "{\n  \"gate\": {\n    \"id\": \"X\"\n    \"station\": 1\n  }\n}",
            QStringLiteral("gate.json"), &error));
        QVERIFY2(
            error.startsWith(QStringLiteral("gate.json:4:6: not valid JSON: unterminated object")),
            qPrintable(error));
        QVERIFY(gate::hal::parseJsonFile("{}", QStringLiteral("gate.json"), &error));
    }
};

QTEST_GUILESS_MAIN(JsonKeyLinesTest)
#include "tst_jsonkeylines.moc"
