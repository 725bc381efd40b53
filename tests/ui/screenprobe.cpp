#include "screenprobe.h"

#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>

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

} // namespace

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
