/* similar.c: normalising answers, and suggesting which groups may mean the same thing. */
#include "similar.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

const char *const suggestion_reason_names[3] = {"similar spelling", "shared words", "synonyms"};

static size_t encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static bool is_white(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool is_edge_mark(uint32_t c)
{
    return c != 0 && c < 0x80 && strchr(".,;:!?'\"", (int)c) != NULL;
}

/* Decodes text to lower-case code points (invalid bytes become U+FFFD). */
static uint32_t *lower_code_points(const char *text, size_t *count)
{
    size_t n = strlen(text);
    uint32_t *cps = xmalloc((n + 1) * sizeof *cps);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t len = text_decode(text + i, n - i, &c);
        if (len == 0) {
            c = 0xFFFD;
            len = 1;
        }
        cps[k++] = (uint32_t)towlower((wint_t)c);
        i += len;
    }
    *count = k;
    return cps;
}

char *similar_normalize(const char *text)
{
    size_t n;
    uint32_t *cps = lower_code_points(text, &n);
    size_t start = 0, end = n;
    /* Trim white space and the edge marks together, so "Spreadsheets ." loses both. */
    while (start < end && (is_white(cps[start]) || is_edge_mark(cps[start])))
        start++;
    while (end > start && (is_white(cps[end - 1]) || is_edge_mark(cps[end - 1])))
        end--;
    char *out = xmalloc((end - start) * 4 + 1);
    size_t len = 0;
    bool gap = false;
    for (size_t i = start; i < end; i++) {
        if (is_white(cps[i])) {
            gap = true;
            continue;
        }
        if (gap)
            out[len++] = ' ';
        gap = false;
        len += encode(cps[i], out + len);
    }
    out[len] = '\0';
    free(cps);
    return out;
}

void synonyms_init(struct synonyms *syn, char **terms, size_t *sets, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        char *normal = similar_normalize(terms[i]);
        free(terms[i]);
        terms[i] = normal;
    }
    syn->terms = terms;
    syn->sets = sets;
    syn->count = count;
}

void synonyms_free(struct synonyms *syn)
{
    for (size_t i = 0; i < syn->count; i++)
        free(syn->terms[i]);
    free(syn->terms);
    free(syn->sets);
    memset(syn, 0, sizeof *syn);
}

/* A sorted set of 64-bit features (trigrams or words) of one key. */
struct features {
    uint64_t *items;
    size_t count;
};

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void sort_unique(struct features *f)
{
    qsort(f->items, f->count, sizeof *f->items, compare_u64);
    size_t k = 0;
    for (size_t i = 0; i < f->count; i++)
        if (k == 0 || f->items[k - 1] != f->items[i])
            f->items[k++] = f->items[i];
    f->count = k;
}

/* Trigrams of the key's letters and digits alone, so "Bill.com" meets
 * "Billcom"; padded at the start and end so short keys still have some. */
static struct features trigrams(const char *key)
{
    size_t n;
    uint32_t *cps = lower_code_points(key, &n);
    uint32_t *alnum = xmalloc((n + 3) * sizeof *alnum);
    size_t k = 0;
    alnum[k++] = '$';
    alnum[k++] = '$';
    for (size_t i = 0; i < n; i++)
        if (iswalnum((wint_t)cps[i]))
            alnum[k++] = cps[i];
    alnum[k++] = '$';
    struct features f = {xmalloc(k * sizeof *f.items), 0};
    if (k > 3) /* some letter or digit */
        for (size_t i = 0; i + 2 < k; i++)
            f.items[f.count++] = ((uint64_t)alnum[i] << 42) | ((uint64_t)alnum[i + 1] << 21) |
                                 alnum[i + 2];
    free(alnum);
    free(cps);
    sort_unique(&f);
    return f;
}

/* Words (runs of letters and digits), hashed. */
static struct features words(const char *key)
{
    size_t n;
    uint32_t *cps = lower_code_points(key, &n);
    struct features f = {xmalloc((n + 1) * sizeof *f.items), 0};
    uint64_t hash = 0;
    bool in_word = false;
    for (size_t i = 0; i <= n; i++) {
        bool alnum = i < n && iswalnum((wint_t)cps[i]);
        if (alnum) {
            if (!in_word)
                hash = 14695981039346656037ULL; /* FNV-1a */
            hash = (hash ^ cps[i]) * 1099511628211ULL;
        } else if (in_word) {
            f.items[f.count++] = hash;
        }
        in_word = alnum;
    }
    free(cps);
    sort_unique(&f);
    return f;
}

static double jaccard(const struct features *a, const struct features *b)
{
    if (a->count == 0 && b->count == 0)
        return 0;
    size_t i = 0, j = 0, shared = 0;
    while (i < a->count && j < b->count) {
        if (a->items[i] == b->items[j])
            shared++, i++, j++;
        else if (a->items[i] < b->items[j])
            i++;
        else
            j++;
    }
    return (double)shared / (double)(a->count + b->count - shared);
}

double similar_trigram_score(const char *key_a, const char *key_b)
{
    struct features a = trigrams(key_a), b = trigrams(key_b);
    double score = jaccard(&a, &b);
    free(a.items);
    free(b.items);
    return score;
}

double similar_word_score(const char *key_a, const char *key_b)
{
    struct features a = words(key_a), b = words(key_b);
    double score = jaccard(&a, &b);
    free(a.items);
    free(b.items);
    return score;
}

/* True when term is the whole key or a run of its words. */
static bool key_has_term(const char *key, const char *term)
{
    size_t len = strlen(term);
    if (len == 0)
        return false;
    for (const char *at = strstr(key, term); at; at = strstr(at + 1, term)) {
        bool starts = at == key || at[-1] == ' ';
        bool ends = at[len] == '\0' || at[len] == ' ';
        if (starts && ends)
            return true;
    }
    return false;
}

/* The synonym sets a key belongs to, as a sorted list of set numbers. */
static struct features synonym_sets(const char *key, const struct synonyms *syn)
{
    struct features f = {NULL, 0};
    if (!syn)
        return f;
    f.items = xmalloc((syn->count + 1) * sizeof *f.items);
    for (size_t t = 0; t < syn->count; t++)
        if (key_has_term(key, syn->terms[t]))
            f.items[f.count++] = syn->sets[t];
    sort_unique(&f);
    return f;
}

static bool share_any(const struct features *a, const struct features *b)
{
    for (size_t i = 0, j = 0; i < a->count && j < b->count;) {
        if (a->items[i] == b->items[j])
            return true;
        if (a->items[i] < b->items[j])
            i++;
        else
            j++;
    }
    return false;
}

static int compare_suggestions(const void *x, const void *y)
{
    const struct suggestion *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* A shared synonym set scores this, whatever the spelling. */
#define SYNONYM_SCORE 0.9

void similar_suggest(const char *const *keys, size_t n, const struct synonyms *syn,
                     struct suggestion **out, size_t *count)
{
    struct features *tri = xcalloc(n, sizeof *tri), *word = xcalloc(n, sizeof *word),
                    *sets = xcalloc(n, sizeof *sets);
    for (size_t i = 0; i < n; i++) {
        tri[i] = trigrams(keys[i]);
        word[i] = words(keys[i]);
        sets[i] = synonym_sets(keys[i], syn);
    }
    *out = NULL;
    *count = 0;
    size_t cap = 0;
    for (size_t a = 0; a < n; a++) {
        for (size_t b = a + 1; b < n; b++) {
            double t = jaccard(&tri[a], &tri[b]), w = jaccard(&word[a], &word[b]);
            struct suggestion s = {a, b, t >= w ? t : w, t >= w ? SUGGEST_SPELLING : SUGGEST_WORDS};
            if (s.score < SYNONYM_SCORE && share_any(&sets[a], &sets[b])) {
                s.score = SYNONYM_SCORE;
                s.reason = SUGGEST_SYNONYMS;
            }
            if (s.score >= SIMILAR_THRESHOLD)
                *(struct suggestion *)array_push(out, count, &cap, sizeof s) = s;
        }
    }
    if (*count > 1) /* *out is still NULL when nothing was found: qsort must not see it */
        qsort(*out, *count, sizeof **out, compare_suggestions);
    for (size_t i = 0; i < n; i++) {
        free(tri[i].items);
        free(word[i].items);
        free(sets[i].items);
    }
    free(tri);
    free(word);
    free(sets);
}
