#pragma once

#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace gate::ui {

// Paints the face read from the last passport's chip (DG2) for staff, scaled
// to fit with its proportions kept. The image lives in memory only.
class PassportFaceItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_NAMED_ELEMENT(PassportFace)
    Q_PROPERTY(QImage image READ image WRITE setImage NOTIFY imageChanged)
public:
    explicit PassportFaceItem(QQuickItem *parent = nullptr);

    QImage image() const { return m_image; }
    void setImage(const QImage &image);
    void paint(QPainter *painter) override;

signals:
    void imageChanged();

private:
    QImage m_image;
};

} // namespace gate::ui
