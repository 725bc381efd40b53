#include "passportfaceitem.h"

#include <QPainter>

namespace gate::ui {

PassportFaceItem::PassportFaceItem(QQuickItem *parent)
    : QQuickPaintedItem(parent) {}

void PassportFaceItem::setImage(const QImage &image) {
    m_image = image;
    emit imageChanged();
    update();
}

void PassportFaceItem::paint(QPainter *painter) {
    if (m_image.isNull())
        return;
    const QSize fitted = m_image.size().scaled(size().toSize(), Qt::KeepAspectRatio);
    const QRect target((int(width()) - fitted.width()) / 2, (int(height()) - fitted.height()) / 2,
                       fitted.width(), fitted.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, m_image);
}

} // namespace gate::ui
