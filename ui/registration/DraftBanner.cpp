#include "registration/DraftBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace hotline {

DraftBanner::DraftBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"draftBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xe3, 0xf2, 0xfd));
    p.setColor(QPalette::WindowText, QColor(0x0d, 0x47, 0xa1));
    setPalette(p);

    m_text = new QLabel(this);
    m_text->setObjectName(u"draftOffer"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_restore = new QPushButton(tr("&Restore"), this);
    m_restore->setObjectName(u"restoreDraft"_s);
    m_restore->setToolTip(tr("Put the saved fields back into the form."));
    m_discard = new QPushButton(tr("&Discard"), this);
    m_discard->setObjectName(u"discardDraft"_s);
    m_discard->setToolTip(tr("Forget the saved form."));
    connect(m_restore, &QPushButton::clicked, this, &DraftBanner::restoreRequested);
    connect(m_discard, &QPushButton::clicked, this, &DraftBanner::discardRequested);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_restore);
    layout->addWidget(m_discard);
    hide();
}

void DraftBanner::offer(const QString &savedAt, const QString &what)
{
    m_text->setText(tr("An unfinished registration was saved at %1: %2").arg(savedAt, what));
    show();
}

} // namespace hotline
