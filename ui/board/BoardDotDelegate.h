#pragma once

#include <QStyledItemDelegate>

namespace hotline {

/** Paints the board's colour column as a round dot in the cell's DecorationRole colour. */
class BoardDotDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace hotline
