/* fuzz_util.h: what the libFuzzer harnesses share: a failed invariant aborts
 * with a message, an independent UTF-8 and terminal-safety check, and a
 * reader that cuts the fuzzer's bytes into small values and strings. */
#ifndef SAMESONG_FUZZ_UTIL_H
#define SAMESONG_FUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Prints "invariant broken: ..." and aborts, which libFuzzer reports as a
 * crash and saves the input for. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
#define FUZZ_CHECK(cond, ...)          \
    do {                               \
        if (!(cond))                   \
            fuzz_fail(__VA_ARGS__);    \
    } while (0)

/* Sets the locale the program runs in (wcwidth, towlower depend on it). */
void fuzz_locale(void);

/* Well-formed UTF-8 by the Unicode standard's table 3-7, written apart
 * from text_decode so that one checks the other. */
bool fuzz_utf8_valid(const char *s, size_t n);

/* A code point that a terminal must never get raw from user text, by
 * shared/design.md and text.h: C0 controls (but line feed when newlines are
 * allowed), DEL, C1 controls, direction marks, embeddings, overrides and
 * isolates, zero-width characters, the soft hyphen, tags. */
bool fuzz_unsafe_code_point(uint32_t c, bool newlines);

/* NULL when s (valid UTF-8 of n bytes) is safe for a terminal, else what is
 * wrong with it, in a static buffer. */
const char *fuzz_terminal_unsafe(const char *s, bool newlines);

/* The fuzzer's bytes, taken a piece at a time; past the end, zeros. */
struct fuzz_reader {
    const uint8_t *data;
    size_t size;
};
uint8_t fuzz_byte(struct fuzz_reader *r);
/* A NUL-terminated copy of the bytes up to the next separator byte (or the
 * end), which it skips; a NUL byte inside becomes a space, since the code
 * under test takes C strings. Caller frees. */
char *fuzz_string(struct fuzz_reader *r, int separator);
/* The same for all the bytes left. */
char *fuzz_rest(struct fuzz_reader *r);

#endif
