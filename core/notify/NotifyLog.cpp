#include "notify/NotifyLog.h"

namespace hotline {
Q_LOGGING_CATEGORY(lcNotify, "hotline.core.notify", QtInfoMsg)
} // namespace hotline
