#pragma once

#include "io/InterviewQuestions.h"
#include "service/InterviewImport.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace hotline {

class ConsoleSession;

/**
 * Imports a micro-interview's questions (File ▸ Import micro-interview…, for roles that register): open the
 * platform's export or paste the questions, see every row's state (ok, problem and why, already imported),
 * choose the type, category and town every ticket gets, and import the ok rows in one step. The tickets are
 * numbered by this console and wait in the dispatch queue (channel "micro-interview") for batch dispatch.
 */
class InterviewImportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column { Line, State, Netizen, AskedAt, Question, Reason, ColumnCount };

    explicit InterviewImportDialog(ConsoleSession &session, QWidget *parent = nullptr);

    /** Reads a questions file into the preview (false, with the reason shown, when the file is unusable). */
    bool loadFile(const QString &path);
    /** Reads pasted or given text into the preview. */
    bool loadText(const QByteArray &bytes);
    /** Imports the ok rows with the chosen defaults; the result says what was created or why nothing was. */
    InterviewImportResult importQuestions();

    QStandardItemModel *preview() const { return m_model; }
    const InterviewQuestionFile &questions() const { return m_file; }

Q_SIGNALS:
    /** After a successful import, with the new tickets' numbers. */
    void imported(const QStringList &numbers);

private:
    void openFile();
    void previewPaste();
    void showQuestions();
    InterviewDefaults defaults() const;
    void showMessage(const QString &text, bool error);

    ConsoleSession &m_session;
    InterviewQuestionFile m_file;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_paste = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_town = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace hotline
