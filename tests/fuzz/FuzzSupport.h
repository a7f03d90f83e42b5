#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

// The two entry points every fuzz target defines (libFuzzer's names, so the same file links into a fuzzer and into
// the corpus replay of ReplayMain.cpp).
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace hotline::fuzz {

/** Creates the QCoreApplication the SQL drivers and translations need, once per process. */
void initApplication(int *argc, char ***argv);

/** The input as a QByteArray without copying (valid during the call only). */
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

/** An invariant of the code under test does not hold: report it and abort, so the fuzzer keeps the input. */
[[noreturn]] void fail(const char *what, const QByteArray &detail = {});

} // namespace hotline::fuzz

#define FUZZ_CHECK(cond, detail)                                                                                  \
    do {                                                                                                          \
        if (!(cond))                                                                                              \
            ::hotline::fuzz::fail(#cond, detail);                                                                 \
    } while (false)
