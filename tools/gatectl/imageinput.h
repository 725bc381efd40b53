#pragma once

#include <QString>

#include <opencv2/core/mat.hpp>

namespace gatectl {

// Reads an image file of a command's input. When OpenCV cannot read it (no
// such file, not an image, a corrupt one) it reports it the one way every
// image subcommand does: {"file":...,"error":"unreadable"} on stdout, a
// message on stderr, and an empty matrix back (the command goes on with the
// next file and ends with exit status 2).
cv::Mat readImageOrReport(const QString &path);

} // namespace gatectl
