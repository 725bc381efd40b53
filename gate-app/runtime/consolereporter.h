#pragma once

#include "core/passage/passagereport.h"

#include <QObject>
#include <QTranslator>

namespace gate {

// Prints every decision and passage on standard output, one line each, in
// English and Chinese: what a person running the gate headless (the demo,
// commissioning) watches. Never a document number: the decision has none.
class ConsoleReporter : public QObject {
    Q_OBJECT
public:
    explicit ConsoleReporter(QObject *parent = nullptr);

public slots:
    void decided(const gate::PassageReport &report);
    void barrierOpened(qint64 passageId, qint64 presentedToOpenNs);
    void passageRecorded(qint64 passageId, const QString &outcome);
    void message(const QString &text);

private:
    QTranslator m_chinese;
};

} // namespace gate
