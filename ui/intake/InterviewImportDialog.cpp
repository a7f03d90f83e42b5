#include "intake/InterviewImportDialog.h"

#include "domain/DisplayNames.h"
#include "service/TicketQueries.h"
#include "service/Workspace.h"
#include "support/ConsoleSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hotline {

InterviewImportDialog::InterviewImportDialog(ConsoleSession &session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(u"interviewImportDialog"_s);
    setWindowTitle(tr("Import micro-interview questions"));

    auto *open = new QPushButton(tr("&Open file…"), this);
    open->setObjectName(u"interviewOpen"_s);
    open->setToolTip(tr("A CSV exported by the microblog or live platform (UTF-8 or GB18030), or a text file "
                        "with one question per line"));
    auto *previewPasted = new QPushButton(tr("&Preview pasted text"), this);
    previewPasted->setObjectName(u"interviewPreviewPaste"_s);
    m_paste = new QPlainTextEdit(this);
    m_paste->setObjectName(u"interviewPaste"_s);
    m_paste->setPlaceholderText(tr("…or paste the questions here: one per line, or CSV with a header "
                                   "(内容/问题, 网友/昵称, 时间)"));
    m_paste->setMaximumHeight(m_paste->fontMetrics().height() * 4);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels(
        {tr("Line"), tr("State"), tr("Netizen"), tr("Asked at"), tr("Question"), tr("Problem or note")});
    m_table = new QTableView(this);
    m_table->setObjectName(u"interviewPreview"_s);
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Question, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Interactive);
    m_table->setColumnWidth(Reason, m_table->fontMetrics().horizontalAdvance(u"the same question as on line 1234"_s));

    m_counts = new QLabel(this);
    m_counts->setObjectName(u"interviewCounts"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"interviewMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // What every ticket of the import gets; the dispatcher can still sort them in the queue.
    m_type = new QComboBox(this);
    m_type->setObjectName(u"interviewType"_s);
    for (TicketType t :
         {TicketType::Consult, TicketType::Complaint, TicketType::Help, TicketType::Suggestion, TicketType::Report})
        m_type->addItem(DisplayNames::of(t), int(t));
    TicketQueries &queries = m_session.workspace().queries();
    m_category = new QComboBox(this);
    m_category->setObjectName(u"interviewCategory"_s);
    m_category->addItem(tr("(none: sorted in the dispatch queue)"), QString());
    for (const QString &c : queries.categories())
        m_category->addItem(c, c);
    m_town = new QComboBox(this);
    m_town->setObjectName(u"interviewTown"_s);
    m_town->addItem(tr("(none)"), QString());
    for (const QString &t : queries.towns())
        m_town->addItem(t, t);
    auto *form = new QFormLayout;
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("T&own:"), m_town);

    m_import = new QPushButton(this);
    m_import->setObjectName(u"interviewImport"_s);
    m_import->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_import, QDialogButtonBox::ActionRole);

    auto *sources = new QHBoxLayout;
    sources->addWidget(open);
    sources->addWidget(previewPasted);
    sources->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sources);
    layout->addWidget(m_paste);
    layout->addWidget(m_counts);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(open, &QPushButton::clicked, this, &InterviewImportDialog::openFile);
    connect(previewPasted, &QPushButton::clicked, this, &InterviewImportDialog::previewPaste);
    connect(m_import, &QPushButton::clicked, this, [this] { importQuestions(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showQuestions();
    resize(1100, 700);
}

void InterviewImportDialog::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open micro-interview questions"), QString(),
                                                      tr("Questions (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void InterviewImportDialog::previewPaste()
{
    loadText(m_paste->toPlainText().toUtf8());
}

bool InterviewImportDialog::loadFile(const QString &path)
{
    m_file = InterviewQuestions::readFile(path, m_session.sla().calendar().timeZone());
    InterviewImport(m_session.workspace()).markImported(m_file);
    showQuestions();
    return m_file.error.isEmpty();
}

bool InterviewImportDialog::loadText(const QByteArray &bytes)
{
    m_file = InterviewQuestions::parse(bytes, m_session.sla().calendar().timeZone());
    InterviewImport(m_session.workspace()).markImported(m_file);
    showQuestions();
    return m_file.error.isEmpty();
}

void InterviewImportDialog::showQuestions()
{
    m_model->removeRows(0, m_model->rowCount());
    const QColor problem(0xff, 0xeb, 0xee);
    const QColor imported(0xee, 0xee, 0xee);
    for (const InterviewQuestion &q : std::as_const(m_file.questions)) {
        QString state;
        QString reason;
        switch (q.state) {
        case InterviewQuestion::State::Ok:
            state = tr("ok");
            reason = q.note;
            break;
        case InterviewQuestion::State::Problem:
            state = tr("problem");
            reason = q.reason;
            break;
        case InterviewQuestion::State::Imported:
            state = tr("already imported");
            reason = tr("ticket %1").arg(q.reason);
            break;
        }
        QList<QStandardItem *> row{new QStandardItem(QString::number(q.line)), new QStandardItem(state),
                                   new QStandardItem(q.netizen), new QStandardItem(q.askedAt),
                                   new QStandardItem(q.summary()), new QStandardItem(reason)};
        row.at(Question)->setToolTip(q.text);
        row.at(Reason)->setToolTip(reason);
        if (q.state != InterviewQuestion::State::Ok) {
            for (QStandardItem *item : row)
                item->setBackground(q.state == InterviewQuestion::State::Problem ? problem : imported);
        }
        m_model->appendRow(row);
    }
    const int ok = m_file.count(InterviewQuestion::State::Ok);
    const QLocale locale;
    if (!m_file.error.isEmpty()) {
        m_counts->clear();
        showMessage(m_file.error, true);
    } else if (m_file.questions.isEmpty()) {
        m_counts->setText(tr("Open a questions file or paste the questions, then preview."));
        showMessage(QString(), false);
    } else {
        m_counts->setText(tr("%1 questions read (%2, %3): %4 ok, %5 with a problem, %6 already imported")
                              .arg(locale.toString(m_file.questions.size()), m_file.encoding,
                                   m_file.format == InterviewQuestionFile::Format::Csv ? tr("CSV") : tr("one per line"),
                                   locale.toString(ok),
                                   locale.toString(m_file.count(InterviewQuestion::State::Problem)),
                                   locale.toString(m_file.count(InterviewQuestion::State::Imported))));
        showMessage(m_file.count(InterviewQuestion::State::Problem) > 0
                        ? tr("Rows with a problem are left out; correct them in the file and import it again later "
                             "(questions already imported are recognised and skipped).")
                        : QString(),
                    false);
    }
    m_import->setText(tr("&Import %n question(s)", nullptr, ok));
    m_import->setEnabled(ok > 0);
}

InterviewDefaults InterviewImportDialog::defaults() const
{
    InterviewDefaults d;
    d.type = TicketType(m_type->currentData().toInt());
    d.category = m_category->currentData().toString();
    d.town = m_town->currentData().toString();
    return d;
}

InterviewImportResult InterviewImportDialog::importQuestions()
{
    InterviewImport import(m_session.workspace());
    const InterviewImportResult r = import.run(m_session.actor(), m_file, defaults());
    if (!r.ok) {
        showMessage(tr("Nothing was imported: %1").arg(r.error), true);
        return r;
    }
    // The preview now shows every imported row with its number: a second click has nothing left to import.
    import.markImported(m_file);
    showQuestions();
    showMessage(tr("Imported %n question(s) as tickets %1 to %2; they wait in the dispatch queue.", nullptr,
                   int(r.numbers.size()))
                    .arg(r.numbers.first(), r.numbers.last()),
                false);
    Q_EMIT imported(r.numbers);
    return r;
}

void InterviewImportDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b71c1c; font-weight: bold;"_s : QString());
}

} // namespace hotline
