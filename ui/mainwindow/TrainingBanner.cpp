#include "mainwindow/TrainingBanner.h"

#include "service/Training.h"

using namespace Qt::StringLiterals;

namespace hotline {

TrainingBanner *TrainingBanner::createFor(Database &db, QWidget *parent)
{
    return Training::isTraining(db) ? new TrainingBanner(parent) : nullptr;
}

TrainingBanner::TrainingBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(u"trainingBanner"_s);
    // Diagonal stripes in a colour the board never uses (its green, yellow and red mean time limits).
    setStyleSheet(u"#trainingBanner { color: white; font-weight: bold; padding: 6px;"
                  " background: qlineargradient(spread:repeat, x1:0, y1:0, x2:0.04, y2:0.04,"
                  " stop:0 #5b2c83, stop:0.5 #5b2c83, stop:0.51 #6f3b9c, stop:1 #6f3b9c); }"_s);
    setAlignment(Qt::AlignCenter);
    setText(tr("TRAINING DATABASE") + u"  ·  "_s
            + tr("Nothing here is a real record: tickets, replies and figures are for practice only."));
    setAccessibleName(tr("TRAINING DATABASE"));
}

} // namespace hotline
