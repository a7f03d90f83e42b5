#include "io/StrictUtf8.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hotline {
namespace {

// Widens a run of ASCII bytes; returns how many it consumed (stops before the first byte >= 0x80).
qsizetype widenAscii(const uchar *s, qsizetype size, char16_t *out)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    while (i + 16 <= size) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
        if (const int high = _mm_movemask_epi8(v)) {
            const int n = __builtin_ctz(unsigned(high));
            for (int k = 0; k < n; ++k)
                out[i + k] = s[i + k];
            return i + n;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_unpacklo_epi8(v, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 8), _mm_unpackhi_epi8(v, zero));
        i += 16;
    }
#endif
    while (i < size && s[i] < 0x80) {
        out[i] = s[i];
        ++i;
    }
    return i;
}

} // namespace

qsizetype decodeStrictUtf8(const char *src, qsizetype size, char16_t *dst, qsizetype *badOffset)
{
    const auto *s = reinterpret_cast<const uchar *>(src);
    char16_t *out = dst;
    qsizetype i = 0;
    const auto bad = [&](qsizetype at) -> qsizetype {
        if (badOffset)
            *badOffset = at;
        return -1;
    };
    while (i < size) {
        const qsizetype ascii = widenAscii(s + i, size - i, out);
        i += ascii;
        out += ascii;
        // A run of non-ASCII characters (Chinese text): stay here instead of retrying the ASCII path.
        while (i < size && s[i] >= 0x80) {
            const uchar b = s[i];
            if ((b & 0xF0) == 0xE0) { // three bytes: all of the BMP's CJK
                if (i + 2 >= size)
                    return bad(i);
                const uchar b1 = s[i + 1];
                const uchar b2 = s[i + 2];
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80)
                    return bad(i);
                const char16_t cp = char16_t(((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
                if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                    return bad(i); // overlong, or a UTF-16 surrogate encoded as UTF-8
                *out++ = cp;
                i += 3;
            } else if ((b & 0xE0) == 0xC0) {
                if (b < 0xC2 || i + 1 >= size || (s[i + 1] & 0xC0) != 0x80)
                    return bad(i); // C0/C1 are always overlong
                *out++ = char16_t(((b & 0x1F) << 6) | (s[i + 1] & 0x3F));
                i += 2;
            } else if ((b & 0xF8) == 0xF0) {
                if (i + 3 >= size)
                    return bad(i);
                const uchar b1 = s[i + 1];
                const uchar b2 = s[i + 2];
                const uchar b3 = s[i + 3];
                if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80)
                    return bad(i);
                const char32_t cp = char32_t(((b & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
                if (cp < 0x10000 || cp > 0x10FFFF)
                    return bad(i); // overlong, or beyond Unicode
                *out++ = char16_t(0xD800 + ((cp - 0x10000) >> 10));
                *out++ = char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
                i += 4;
            } else {
                return bad(i); // a continuation byte without a lead, or F8..FF
            }
        }
    }
    return out - dst;
}

} // namespace hotline
