#pragma once

#include <QString>
#include <QStringList>

class QQuickWindow;

namespace gate::ui::test {

// The texts of every visible Text item in the window, in tree order.
QStringList visibleTexts(QQuickWindow &window);

// What keeps the window's texts from being read whole: a text cut or elided,
// reaching out of the window, running into another text, or into a
// pictogram. Each problem names the text. Renders the window first, so that
// positioners have placed their items.
QStringList layoutProblems(QQuickWindow &window);

// Renders the window and saves it as <build>/ui-screenshots/<name>.png.
// Returns the path, or an empty string when grabbing or saving failed.
QString saveScreenshot(QQuickWindow &window, const QString &name);

} // namespace gate::ui::test
