#pragma once

#include <QLoggingCategory>

namespace hotline {
// Reminders, SMS attempts and accountability; enable with QT_LOGGING_RULES="hotline.core.notify.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
} // namespace hotline
