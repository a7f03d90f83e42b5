#include "board/BoardDotDelegate.h"

#include <QApplication>
#include <QPainter>

namespace hotline {

void BoardDotDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QColor colour = index.data(Qt::DecorationRole).value<QColor>();
    // Let the style draw background and selection only; the dot replaces the square decoration.
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    opt.icon = QIcon();
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (!colour.isValid())
        return;
    const int d = std::max(6, std::min(opt.rect.width(), opt.rect.height()) * 11 / 20);
    const QRect dot(opt.rect.center().x() - d / 2, opt.rect.center().y() - d / 2, d, d);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour.darker(125), 1));
    painter->setBrush(colour);
    painter->drawEllipse(dot);
    painter->restore();
}

QSize BoardDotDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(24, base.height()), base.height()};
}

} // namespace hotline
