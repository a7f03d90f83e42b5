#include "dispatch/MergeIntoDialog.h"

#include "service/DuplicateFinder.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

MergeIntoDialog::MergeIntoDialog(ConsoleSession &session, const Ticket &child, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"mergeIntoDialog"_s);
    setWindowTitle(tr("Merge ticket %1 into…").arg(child.number));
    auto *intro = new QLabel(tr("Ticket %1 will follow the ticket chosen here: it leaves the dispatch queue and is "
                                "answered when that ticket is replied.")
                                 .arg(child.number),
                             this);
    intro->setWordWrap(true);
    m_parent = new QComboBox(this);
    m_parent->setObjectName(u"mergeParent"_s);
    m_parent->setEditable(true);
    m_parent->setInsertPolicy(QComboBox::NoInsert);
    m_parent->lineEdit()->setPlaceholderText(tr("Ticket number, or choose a suggestion"));
    const DuplicateQuery query{child.category, child.town, child.address, child.summary, child.id};
    const QList<DuplicateSuggestion> found
        = DuplicateFinder(session.workspace().database()).suggest(session.actor(), query, session.clock().nowMs());
    for (const DuplicateSuggestion &d : found)
        m_parent->addItem(tr("%1  %2").arg(d.number, d.summary), d.number);
    m_parent->setCurrentIndex(found.isEmpty() ? -1 : 0);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"mergeReason"_s);
    m_reason->setMaxLength(500);

    auto *form = new QFormLayout;
    form->addRow(tr("&Follow ticket:"), m_parent);
    form->addRow(tr("&Reason (optional):"), m_reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString MergeIntoDialog::parentNumber() const
{
    // A chosen suggestion carries its number; a typed one is the text itself ("NUMBER  summary" reads as NUMBER).
    const int i = m_parent->currentIndex();
    if (i >= 0 && m_parent->itemText(i) == m_parent->currentText())
        return m_parent->itemData(i).toString();
    return m_parent->currentText().trimmed().section(u' ', 0, 0);
}

QString MergeIntoDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace hotline
