#pragma once

#include <QtGlobal>

namespace hotline {

/**
 * Strict UTF-8 to UTF-16 decoding: rejects overlong forms, surrogates, code points above U+10FFFF, lone
 * continuation bytes and truncated sequences (QString::fromUtf8 silently replaces them instead).
 *
 * Writes at most `size` UTF-16 units to dst (never more than the input has bytes) and returns how many
 * it wrote, or -1 when the input is not valid UTF-8; then *badOffset (if given) is the byte offset of the
 * first bad sequence.
 */
qsizetype decodeStrictUtf8(const char *src, qsizetype size, char16_t *dst, qsizetype *badOffset = nullptr);

} // namespace hotline
