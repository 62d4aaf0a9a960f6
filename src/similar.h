/* similar.h: normalising answers, and suggesting which groups may mean the same thing.
 * Pure functions: no SQL, no curses. */
#ifndef SAMESONG_SIMILAR_H
#define SAMESONG_SIMILAR_H

#include <stdbool.h>
#include <stddef.h>

/* The form that decides whether two answers are one group: lower-cased
 * (towlower), white space trimmed and runs of it folded to one space, and
 * leading and trailing . , ; : ! ? ' " removed. Caller frees. */
char *similar_normalize(const char *text);

/* Terms that mean the same as the others of their set (data/synonyms.json). */
struct synonyms {
    char **terms;   /* normalised */
    size_t *sets;   /* the set number of each term */
    size_t count;
};
/* Takes over the arrays (as the store reads them) and normalises the terms. */
void synonyms_init(struct synonyms *syn, char **terms, size_t *sets, size_t count);
void synonyms_free(struct synonyms *syn);

enum suggestion_reason { SUGGEST_SPELLING, SUGGEST_WORDS, SUGGEST_SYNONYMS };
extern const char *const suggestion_reason_names[3];

/* Two groups that may be one: indexes into the keys given, a <b. */
struct suggestion {
    size_t a, b;
    double score;                 /* 0..1 */
    enum suggestion_reason reason;
};

/* Suggestions score at least this. */
#define SIMILAR_THRESHOLD 0.5

/* Compares every pair of n distinct normalised group keys: character
 * trigrams of the letters and digits, word overlap (both Jaccard), and
 * shared synonym sets (syn may be NULL). Returns the pairs scoring at least
 * SIMILAR_THRESHOLD, best first, in *out (caller frees). */
void similar_suggest(const char *const *keys, size_t n, const struct synonyms *syn,
                     struct suggestion **out, size_t *count);

/* The two scores, exposed for tests. */
double similar_trigram_score(const char *key_a, const char *key_b);
double similar_word_score(const char *key_a, const char *key_b);

#endif
