#include "screenprobe.h"

#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>

using namespace Qt::StringLiterals;

namespace gate::ui::test {

namespace {

void collectTexts(const QQuickItem &item, QStringList &texts) {
    if (!item.isVisible())
        return;
    if (item.inherits("QQuickText"))
        texts << item.property("text").toString();
    for (const QQuickItem *child : item.childItems())
        collectTexts(*child, texts);
}

struct Placed {
    QString text; // empty for a pictogram
    QRectF rect;  // in window coordinates
};

// Where a text's glyphs are: its content box, placed by its alignment (a text
// wider than its item spills out on both sides when centred).
QRectF contentRect(const QQuickItem &text) {
    const qreal width = text.property("contentWidth").toReal();
    const qreal height = text.property("contentHeight").toReal();
    const int alignment = text.property("horizontalAlignment").toInt();
    qreal x = 0;
    if (alignment & Qt::AlignHCenter)
        x = (text.width() - width) / 2;
    else if (alignment & Qt::AlignRight)
        x = text.width() - width;
    return text.mapRectToScene(QRectF(x, 0, width, height));
}

void collectPlaced(const QQuickItem &item, QList<Placed> &texts, QList<Placed> &pictograms,
                   QStringList &problems) {
    if (!item.isVisible() || item.opacity() <= 0)
        return;
    if (item.inherits("QQuickText")) {
        const QString text = item.property("text").toString();
        if (text.isEmpty())
            return;
        if (item.property("truncated").toBool())
            problems << u"cut: "_s + text;
        texts << Placed{text, contentRect(item)};
        return;
    }
    if (QByteArray(item.metaObject()->className()).contains("Pictogram")) {
        // A pictogram counts from a tenth inside its item's edges: the
        // drawings keep clear of their corners. (The arrow's tip and base
        // come within a twentieth; a text touching those is not seen here.)
        const QRectF box = item.boundingRect();
        const qreal margin = std::min(box.width(), box.height()) / 10;
        pictograms << Placed{{},
                             item.mapRectToScene(box.adjusted(margin, margin, -margin, -margin))};
        return;
    }
    for (const QQuickItem *child : item.childItems())
        collectPlaced(*child, texts, pictograms, problems);
}

// Rounding of glyph metrics: a pixel is not a problem.
bool overlap(const QRectF &a, const QRectF &b) {
    return a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1));
}

} // namespace

QStringList layoutProblems(QQuickWindow &window) {
    window.grabWindow();
    QList<Placed> texts;
    QList<Placed> pictograms;
    QStringList problems;
    collectPlaced(*window.contentItem(), texts, pictograms, problems);
    const QRectF screen(QPointF(0, 0), window.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const Placed &text = texts.at(i);
        if (!screen.adjusted(-1, -1, 1, 1).contains(text.rect))
            problems << u"out of the window: "_s + text.text;
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            if (overlap(text.rect, texts.at(j).rect))
                problems << u"runs into \""_s + texts.at(j).text + u"\": "_s + text.text;
        }
        for (const Placed &pictogram : std::as_const(pictograms)) {
            if (overlap(text.rect, pictogram.rect))
                problems << u"runs into a pictogram: "_s + text.text;
        }
    }
    return problems;
}

QStringList visibleTexts(QQuickWindow &window) {
    QStringList texts;
    collectTexts(*window.contentItem(), texts);
    return texts;
}

QString saveScreenshot(QQuickWindow &window, const QString &name) {
    const QString dir = QStringLiteral(GATE_BINARY_DIR "/ui-screenshots");
    QDir().mkpath(dir);
    const QString path = dir + u'/' + name + QStringLiteral(".png");
    const QImage image = window.grabWindow();
    if (image.isNull() || !image.save(path))
        return {};
    return path;
}

} // namespace gate::ui::test
