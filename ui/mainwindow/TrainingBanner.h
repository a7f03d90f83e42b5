#pragma once

#include <QLabel>

namespace hotline {

class Database;

/**
 * The band across the top of the main window on a training database (`hotlinectl init --training`), so that
 * nobody mistakes a drill for the centre's real record, nor the real record for a drill: it is never shown
 * anywhere else.
 */
class TrainingBanner final : public QLabel
{
    Q_OBJECT

public:
    /** A banner for db when it is a training database; nullptr otherwise. */
    static TrainingBanner *createFor(Database &db, QWidget *parent);

private:
    explicit TrainingBanner(QWidget *parent);
};

} // namespace hotline
